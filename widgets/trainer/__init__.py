"""The trainer's page: a key gate, who is where, and the room's answers for the projector."""

from widgets.trainer.trainer import show_trainer

__all__ = ["show_trainer"]
