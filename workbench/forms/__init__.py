"""Official PDF forms filled from the case (docs/formulare.md, ADR 0007).

- :mod:`registry` reads the field maps ``workbench/templates/forms/<form-id>.yaml`` (package data).
- :mod:`blanks` finds a blank in the forms folder, checks its edition (sha256, field names)
  and normalises it (empty password removed, XFA dropped).
- :mod:`sources` turns the case into the values of a map's fields and lists what is missing.
- :mod:`fill` fills AcroForm blanks with pypdf (optional flatten), :mod:`overlay` writes onto
  forms without fields at positions found from the form's own text, :mod:`letter` writes the
  Elternzeit letter; :func:`produce` picks the right one for a form id.
- :mod:`verify` reads a filled PDF back with pdfplumber.
"""

from workbench.forms.produce import FilledForm, fits, missing_data, produce

__all__ = ["FilledForm", "fits", "missing_data", "produce"]
