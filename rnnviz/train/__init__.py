"""The headless trainer: config, loop with callbacks and thread-safe controls, checkpoints. No Qt here.

    cfg = TrainConfig(hidden_dim=32)                    # frozen, validated; ConfigError says what is allowed
    trainer = Trainer(cfg, dataset, control, on_batch=..., on_epoch=..., on_end=...)
    result = trainer.run()                              # blocking; run it on a worker thread in the window
    save_model(path, result.model); load_model(path)    # one .npz: weights + JSON header, no pickle
"""
from .builtin import builtin_model
from .checkpoint import CheckpointError, load_model, save_model
from .config import FIELD_HELP, ConfigError, TrainConfig
from .control import TrainControl
from .datasets import load_dataset
from .model import TrainedModel
from .reports import BatchReport, EpochReport, RunResult
from .trainer import Trainer

__all__ = [
    "BatchReport", "CheckpointError", "ConfigError", "EpochReport", "FIELD_HELP", "RunResult", "TrainConfig",
    "TrainControl", "TrainedModel", "Trainer", "builtin_model", "load_dataset", "load_model", "save_model",
]
