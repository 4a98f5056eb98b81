"""The case file ``workbench-case/4`` (docs/case-format.md): the pydantic models, loading and saving.

:mod:`~workbench.case.model` holds :class:`Case` and ``load_case``; the parts of a case have one module
each (fields, household, personal, constraints, alternatives, lebenslagen, pflege), beside the
messages of validation, the anonymous case's rules (privacy) and the paths into a case dict (paths).
"""

from workbench.case.antragsmappe import STATUSES, ApplicationRecord, Antragsmappe
from workbench.case.fields import CODE_KINDS, LEBENSMONATE
from workbench.case.household import (CURRENT_FORMAT, DEFAULT_MUNICIPALITY, FORMAT_V1, FORMAT_V2, FORMAT_V3, FORMAT_V4,
                                      CurrentIncome,
                                      ReceivedBenefit, migrate)
from workbench.case.lebenslagen import Mutterschutz
from workbench.case.model import (
    Case, Child, ElterngeldPlan, IncomeBeforeBirth, Parent, case_json_schema, dump_case, format_validation_error,
    load_case, validation_problems,
)
from workbench.case.paths import get_path, parse_path, set_path, within
from workbench.case.personal import iban_problem, tax_id_problem
from workbench.case.privacy import strip_identifying

__all__ = [
    "STATUSES", "ApplicationRecord", "Antragsmappe", "CODE_KINDS", "CURRENT_FORMAT", "DEFAULT_MUNICIPALITY", "FORMAT_V1", "FORMAT_V2", "FORMAT_V3", "FORMAT_V4", "LEBENSMONATE", "Case", "Child",
    "CurrentIncome", "ElterngeldPlan", "IncomeBeforeBirth", "Mutterschutz", "Parent", "case_json_schema", "dump_case",
    "ReceivedBenefit", "format_validation_error", "get_path", "iban_problem", "load_case", "migrate", "parse_path",
    "set_path",
    "strip_identifying", "tax_id_problem", "validation_problems", "within",
]
