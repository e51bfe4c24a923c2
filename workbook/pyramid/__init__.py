"""The ondersteuningspiramide: its file format and analysis (analysis.py) and its picture (svg.py)."""

from workbook.pyramid.analysis import (
    analyse_pyramid,
    describe_analysis,
    empty_pyramid,
    load_pyramid,
    parse_pyramid,
    validate_pyramid,
)
from workbook.pyramid.model import (
    LAYER_NAMES,
    PYRAMID_LAYERS,
    REFERENCE,
    LayerSummary,
    PyramidAnalysis,
)
from workbook.pyramid.svg import pyramid_svg

__all__ = [
    "LAYER_NAMES",
    "PYRAMID_LAYERS",
    "REFERENCE",
    "LayerSummary",
    "PyramidAnalysis",
    "analyse_pyramid",
    "describe_analysis",
    "empty_pyramid",
    "load_pyramid",
    "parse_pyramid",
    "pyramid_svg",
    "validate_pyramid",
]
