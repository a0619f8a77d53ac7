"""The two drawing backends of layout primitives, under export and canvas.

``qpainter`` (with ``qpainter_images``) draws on any QPainter: canvas items,
PNG, slides, decks, video, printing, previews; QtCore and QtGui only.
``reportlab`` (with ``reportlab_images``) draws on a reportlab canvas for
the PDF; no Qt. Both decode images with ``decode`` (PIL). Neither knows what
it draws: a new look is a change to the layout, never to a backend.
"""
