"""ANN Simulator engine: networks, training, datasets and files, without Qt.

    import simulator as sim
    net = sim.Network.from_spec({"inputs": 2, "layers": [{"units": 4, "activation": "tanh"},
                                                         {"units": 1, "activation": "sigmoid"}]})
"""

from .errors import BackendUnavailable, DataError, ProjectError, SimulatorError, SpecError
from .settings import DataSource, TrainingSettings
from .spec import LayerSpec, NetworkSpec

__all__ = [
    "BackendUnavailable", "DataError", "ProjectError", "SimulatorError", "SpecError",
    "DataSource", "TrainingSettings", "LayerSpec", "NetworkSpec",
]
