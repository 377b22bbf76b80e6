"""ANN Simulator engine: networks, training, datasets and files, without Qt.

    import simulator as sim
    net = sim.Network.from_spec({"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                                         {"units": 1, "activation": "sigmoid"}]})
"""

from . import datasets
from .datasets import Dataset, load_csv
from .errors import BackendUnavailable, DataError, ProjectError, SimulatorError, SpecError
from .export import export_history, export_network
from .network import Network
from .project import Project, load_project, save_project
from .settings import DataSource, TrainingSettings
from .spec import LayerSpec, NetworkSpec
from .stats import BatchResult, EpochStats
from .trainer import Trainer

__all__ = [
    "BackendUnavailable", "DataError", "ProjectError", "SimulatorError", "SpecError",
    "DataSource", "TrainingSettings", "LayerSpec", "NetworkSpec", "datasets", "Dataset", "load_csv",
    "Project", "load_project", "save_project", "export_history", "export_network",
    "Network", "Trainer", "EpochStats", "BatchResult",
]
