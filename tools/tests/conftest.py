import datetime
import io

import pytest
from openpyxl import Workbook

from tools.detail_table import COLUMNS
from tools.models import FundingRule
from tools.quarters import Quarter

HEADERS = [column.header for column in COLUMNS]
Q1_2024 = Quarter(2024, 1)
Q4_2023 = Quarter(2023, 4)


@pytest.fixture
def rule_2024(db):
    return FundingRule.objects.for_quarter(Q1_2024)


@pytest.fixture
def rule_2023(db):
    return FundingRule.objects.for_quarter(Q4_2023)


def csv_bytes(rows, headers=HEADERS, delimiter=";", encoding="utf-8-sig"):
    lines = [delimiter.join(headers)] + [delimiter.join(row) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes(rows, headers=HEADERS):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def day(text):
    return datetime.datetime.strptime(text, "%d/%m/%Y").date()
