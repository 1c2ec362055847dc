"""hpia: 特定個人情報保護評価書 as code."""

__version__ = "0.1.0"
