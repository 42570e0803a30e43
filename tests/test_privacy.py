"""Personal-data guard: ID numbers, mobile numbers and emails fail the build, naming file and field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kb import KbError, load_library
from kb.privacy import _CHECK, _WEIGHTS, find_personal_data

CASE = "cases/sample-case.yml"


def with_check_digit(first17: str) -> str:
    return first17 + _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS)) % 11]


@pytest.mark.parametrize("text, field", [
    ("张某的身份证号是11010519491231002X。", "background"),
    ("联系电话 13812345678", "request"),
    ("手机 138 1234 5678", "request"),
    ("手机 139-1234-5678", "request"),
    ("全角：１３９１２３４５６７８", "request"),
    ("邮箱 zhangmou@example.com", "request"),
])
def test_personal_data_in_a_case_fails(tree, text, field):
    tree.edit(CASE, f"{field}: ", f"{field}: {text}")
    with pytest.raises(KbError) as err:
        load_library(tree.root)
    [p] = err.value.problems
    assert (p.file, p.field) == (CASE, field) and "个人信息" in p.message


def test_nested_field_path(tree):
    tree.edit(CASE, "  - text: 接待人员告知办理途径。", "  - text: 接待人员告知办理途径，回电13812345678。")
    with pytest.raises(KbError) as err:
        load_library(tree.root)
    assert [p.field for p in err.value.problems] == ["handling[1].text"]


@pytest.mark.parametrize("text", [
    "110105194912310021",  # wrong check digit: not an ID number
    "信访件编号 2026110500012",  # 13 digits
    "拨打 12345 热线",
    "办理期限 60 日，延长不超过 30 日",
    "电话 010-12345678",  # a landline is not a mobile number
])
def test_ordinary_numbers_pass(text):
    assert find_personal_data(text) == []


@given(st.from_regex(r"[1-9][0-9]{16}", fullmatch=True), st.sampled_from(["", "张某，", "号码："]))
def test_every_checksum_valid_id_is_found(first17, prefix):
    assert find_personal_data(prefix + with_check_digit(first17) + "。")


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_every_mobile_number_is_found(number):
    assert find_personal_data(f"电话{number}，")
