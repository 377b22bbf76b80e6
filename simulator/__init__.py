"""ANN Simulator engine: networks, training, datasets and files, without Qt.

    import simulator as sim
    net = sim.Network.from_spec({"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                                         {"units": 1, "activation": "sigmoid"}]})
"""

from . import datasets
from .datasets import Dataset, load_csv
from .errors import BackendUnavailable, DataError, ProjectError, SimulatorError, SpecError
from .export import export_history, export_network  # noqa: E402
from .project import Project, load_project, save_project  # noqa: E402 (files)
from .settings import DataSource, TrainingSettings
from .spec import LayerSpec, NetworkSpec
from .network import Network  # noqa: E402
from .stats import BatchResult, EpochStats  # noqa: E402
from .trainer import Trainer  # noqa: E402

__all__ = [
    "BackendUnavailable", "DataError", "ProjectError", "SimulatorError", "SpecError",
    "DataSource", "TrainingSettings", "LayerSpec", "NetworkSpec", "datasets", "Dataset", "load_csv",
    "Project", "load_project", "save_project", "export_history", "export_network",
    "Network", "Trainer", "EpochStats", "BatchResult",
]
