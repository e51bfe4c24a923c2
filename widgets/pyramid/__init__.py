"""The pyramid exercise: a drag-and-drop board (anywidget) with live analysis and picture."""
