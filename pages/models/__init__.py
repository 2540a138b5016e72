from .feature import Feature, FeatureCard
from .page import SECTIONS, Page

__all__ = ["SECTIONS", "Feature", "FeatureCard", "Page"]
