"""Print-ready dossiers: participant packs, workshop dossiers, bibliographies, badges.

ReportLab draws them (platypus for flowing documents, the canvas for badges) with the
DejaVu fonts bundled in ``resources/fonts``; pypdf appends the attached PDFs. The app,
the CLI and the tests call the same :func:`build_dossier`.
"""
