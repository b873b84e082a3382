"""The parameter shapes of the core's RNN, to check a loaded checkpoint against its config and head.

Defined once, in ``rnnviz.core.spec`` (a test checks it against init_params)."""
from rnnviz.core.spec import param_shapes as expected_param_shapes

__all__ = ["expected_param_shapes"]
