"""Notebook tooling for the RNN Gradients Kit, built on Jupyter's own libraries."""
