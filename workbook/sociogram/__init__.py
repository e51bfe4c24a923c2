"""The class sociogram: analysis, CSV files, Dutch text, the picture and the seating plan."""
