"""The content: modules and exercises read from exercises/ (catalog) and the checks over them."""
