"""Raster output drawn with QPainter (QtCore and QtGui only, no widgets)."""
