"""rnnviz: see how a recurrent neural network computes and learns.

Layers, data flowing one way (the lower layers never import Qt or pyqtgraph):

    rnnviz.data  -> rnnviz.core  -> rnnviz.train  -> rnnviz.explorer -> rnnviz.gui
    (IMDb, vocab)   (numba RNN)     (trainer, CLI)   (window's model)   (window, plots)

The repository's top-level ``resources/`` folder is installed as the package ``rnnviz.resources``;
read it through :mod:`rnnviz.resource_files`, never through a path next to this file.
"""

#: The one place the version is written: pyproject.toml reads it (setuptools `dynamic`), and
#: `rnnviz --version` and the About box print it.
__version__ = "0.1.0"


def __getattr__(name: str):
    # RESOURCES is looked up lazily so that `import rnnviz` (and `rnnviz --version`) works even when
    # the resources are broken; the lookup itself raises MissingResourceError with what to do.
    if name == "RESOURCES":
        from .resource_files import resources_root

        return resources_root()
    raise AttributeError(f"module 'rnnviz' has no attribute {name!r}")
