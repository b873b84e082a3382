"""The headless trainer: config, loop with callbacks and thread-safe controls, checkpoints. No Qt here.

    cfg = TrainConfig(hidden_dim=32)                    # frozen, validated; ConfigError says what is allowed
    dataset = load_dataset(cfg, imdb_path)              # rnnviz.data.Dataset: x (N, maxlen) int32, y (N,) 0/1
    trainer = Trainer(cfg, dataset, control, on_batch=..., on_epoch=..., on_end=...)
    result = trainer.run()                              # blocking; run it on a worker thread in the window
    save_model(path, result.model); load_model(path)    # one .npz: weights + JSON header, no pickle

- ``TrainConfig``: the Keras SimpleRNN IMDb example's settings (vocabulary 10000, maxlen 500, embedding
  32, hidden 32, tanh, lr 1e-3, batch 128, 10 epochs, validation split 0.2) with three changes for IMDb,
  each argued in its docstring: Adam, clip_norm 1.0 and lr_schedule "cosine" (Keras' CosineDecay over
  the run). ``TrainConfig.defaults_for("imdb")`` (the Train page's and the CLI's IMDb recipe) adds word
  dropout 0.2, early stopping (patience 3), 8 epochs and validation split 0.1; with ``recipe="keras"`` it
  is the plain Keras example. ``TrainConfig.defaults_for("memory" | "negation")`` gives the built-in tasks' settings,
  which keep a constant rate. Allowed values: ``DATASETS``, ``ACTIVATIONS``, ``OPTIMIZERS``,
  ``LR_SCHEDULES``; ``FIELD_HELP`` explains every field; ``learning_rate(schedule, lr, step, total)``.
- ``TrainControl``: pause(), resume(), stop() from any thread, honoured within one batch (a stop
  also during the final test scoring, between inference batches).
- Callbacks get immutable reports: ``BatchReport`` (loss, accuracy, grad_norm before clipping,
  grad_norm_per_step (T,), spectral_radius of W, lr, elapsed_s, eta_s), ``EpochReport`` (train and
  validation loss/accuracy, is_best) and ``RunResult`` (status "finished" | "stopped" | "diverged",
  test_accuracy of the weights best on validation or None, and the ``TrainedModel``).
- One ``Trainer`` for both heads, named by ``TrainConfig.head``: "binary" (many-to-one sentiment) and
  "softmax" (many-to-many next-word prediction, sentences batched by length; built-in tasks only).
  Regularisers, all off in the plain Keras recipe (``TrainConfig.defaults_for(ds, recipe="keras")``):
  ``word_dropout``, ``weight_decay`` (decoupled, AdamW), ``patience`` (early stopping).
- ``TrainedModel``: params (the core's dict, E (V, E), U (H, E), W (H, H), b (H,), V (K, H), c (K,) with
  K = 1 for the binary head, the vocabulary size for the softmax head), config (its ``head`` is
  ``model.head``), vocab, history. ``NextWordModel`` is the same class under its old name.
  ``save_model`` / ``load_model`` read and write both heads (checkpoint format 2; format-1 files still
  open). ``builtin_model(hidden_dim=6)`` is the small negation model the window opens with,
  ``builtin_next_word_model(hidden_dim=6)`` its many-to-many (softmax, next word) twin;
  ``models_folder()`` and ``default_model_path(config)`` say where trained models are saved.
"""
from .builtin import NextWordModel, builtin_model, builtin_next_word_model
from .checkpoint import CheckpointError, load_model, save_model
from .config import ACTIVATIONS, DATASETS, FIELD_HELP, OPTIMIZERS, ConfigError, TrainConfig
from .control import TrainControl
from .datasets import load_dataset
from .model import TrainedModel
from .paths import default_model_path, models_folder
from .reports import BatchReport, EpochReport, RunResult
from .schedule import LR_SCHEDULES, learning_rate
from .trainer import Trainer

__all__ = [
    "ACTIVATIONS", "BatchReport", "CheckpointError", "ConfigError", "DATASETS", "EpochReport", "FIELD_HELP",
    "LR_SCHEDULES", "NextWordModel", "OPTIMIZERS", "RunResult", "TrainConfig", "TrainControl", "TrainedModel", "Trainer",
    "builtin_model", "builtin_next_word_model", "default_model_path", "learning_rate", "load_dataset", "load_model", "models_folder",
    "save_model",
]
