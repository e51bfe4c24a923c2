"""The pages' widgets: one module per exercise kind, the page and the trainer's dashboard."""
