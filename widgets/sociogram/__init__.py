"""The sociogram exercise: a drawing of the class, its analysis and the seating plan."""
