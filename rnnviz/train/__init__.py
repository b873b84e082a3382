"""The headless trainer: config, loop with callbacks and thread-safe controls, checkpoints. No Qt here.

    cfg = TrainConfig(hidden_dim=32)                    # frozen, validated; ConfigError says what is allowed
    trainer = Trainer(cfg, dataset, control, on_batch=..., on_epoch=..., on_end=...)
    result = trainer.run()                              # blocking; run it on a worker thread in the window
    save_model(path, result.model); load_model(path)    # one .npz: weights + JSON header, no pickle
"""
import os

# One BLAS thread. The per-step GEMMs here are small ((B, H) x (H, H)); OpenBLAS's thread pool costs more
# than it gains on them, and on a shared 2-core machine it fights the GUI thread and other processes
# (measured: a B=128, T=500 training step 43 ms with the default pool, 12 ms with one thread).
# Only takes effect when numpy is not loaded yet (python main.py train); an explicit setting wins.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from .builtin import builtin_model  # noqa: E402
from .checkpoint import CheckpointError, load_model, save_model  # noqa: E402
from .config import FIELD_HELP, ConfigError, TrainConfig  # noqa: E402
from .control import TrainControl  # noqa: E402
from .datasets import load_dataset  # noqa: E402
from .model import TrainedModel  # noqa: E402
from .reports import BatchReport, EpochReport, RunResult  # noqa: E402
from .trainer import Trainer  # noqa: E402

__all__ = [
    "BatchReport", "CheckpointError", "ConfigError", "EpochReport", "FIELD_HELP", "RunResult", "TrainConfig",
    "TrainControl", "TrainedModel", "Trainer", "builtin_model", "load_dataset", "load_model", "save_model",
]
