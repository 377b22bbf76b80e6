"""Exceptions the engine raises on purpose. Each message says what is wrong and where."""


class SimulatorError(Exception):
    """Base class of every error the simulator raises deliberately."""


class SpecError(SimulatorError, ValueError):
    """A network spec is invalid (unknown activation, bad mask shape, ...)."""


class BackendUnavailable(SimulatorError, RuntimeError):
    """The requested array backend (e.g. CuPy) cannot be used here; the message says why."""


class DataError(SimulatorError, ValueError):
    """Input data is unusable; the message names the row and column where possible."""


class ProjectError(SimulatorError, ValueError):
    """A project file cannot be read or written; the message says what is wrong."""
