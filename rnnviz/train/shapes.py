"""The parameter shapes of the core's models, to check a loaded checkpoint against its config and head.

The RNN's shapes are defined once, in ``rnnviz.core.spec`` (a test checks them against init_params)."""
from rnnviz.core.spec import param_shapes

__all__ = ["expected_param_shapes"]


def expected_param_shapes(vocab_size: int, embed_dim: int, hidden_dim: int,
                          output_dim: int = 1, model: str = "rnn") -> dict[str, tuple[int, ...]]:
    """``rnnviz.core.spec.param_shapes`` for the RNN; the ordinary network (model "bag",
    ``rnnviz.core.bag``) has the same keys but no recurrent W."""
    shapes = param_shapes(vocab_size, embed_dim, hidden_dim, output_dim)
    if model == "bag":
        del shapes["W"]
    return shapes
