"""The top-level resources/ folder, installed as the package ``rnnviz.resources`` (see rnnviz.resource_files)."""
