"""Everything Qt: the main window, the network canvas, panels and plots."""
