"""Text measuring, wrapping and fitting, Chinese and English."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.render.office import textfit
from pipeline.render.office.textfit import Box

ZH = "基于我们在全国ATM数据通信组网方面的知识和经验，我们具备构造跨省市主备份不同路由、统一网管监控的能力。"
EN = "Based on our knowledge and experience in nationwide payment networks, we can run a dual-routed network."


def test_a_chinese_character_is_about_one_em_and_latin_about_half():
    assert textfit.text_width("中", 10) == pytest.approx(10 * textfit.SAFETY, rel=0.02)
    assert 0.4 < textfit.text_width("a", 10) / textfit.text_width("中", 10) < 0.65


def test_the_estimate_without_a_font_follows_character_classes():
    assert textfit.estimate_em("中") == 1.0
    assert textfit.estimate_em("，") == 1.0
    assert textfit.estimate_em("a") == 0.55
    assert textfit.estimate_em("W") == 0.7
    assert textfit.estimate_em(" ") == 0.3


def test_chinese_wraps_between_characters_and_every_line_fits():
    lines = textfit.wrap(ZH, 18, 200)
    assert len(lines) > 2
    assert "".join(lines) == ZH
    assert all(textfit.text_width(line, 18) <= 200 for line in lines)


def test_closing_punctuation_never_starts_a_line():
    for width in range(60, 400, 7):
        assert not any(line[0] in "，。、" for line in textfit.wrap(ZH, 14, width)[1:])


def test_english_wraps_at_spaces_only():
    lines = textfit.wrap(EN, 18, 200)
    assert " ".join(lines) == EN
    words = set(EN.split())
    assert all(word in words for line in lines for word in line.split())


def test_a_word_wider_than_the_box_is_cut_by_characters():
    lines = textfit.wrap("Telecommunications", 20, 60)
    assert "".join(lines) == "Telecommunications"
    assert all(textfit.text_width(line, 20) <= 60 for line in lines)
    assert textfit.breaks_words("Telecommunications", 20, 60)
    assert not textfit.breaks_words("Tele com", 20, 60)


def test_explicit_newlines_are_kept():
    assert textfit.wrap("第一行\n第二行", 12, 500) == ["第一行", "第二行"]


def test_fit_size_is_the_largest_that_fits_and_none_below_the_floor():
    box = Box(300, 120)
    size = textfit.fit_size([ZH, ZH], box, 28, 8)
    assert size is not None and size < 28
    assert textfit.paragraphs_height([ZH, ZH], size, box.width) <= box.height
    assert textfit.paragraphs_height([ZH, ZH], size + 0.5, box.width) > box.height
    assert textfit.fit_size([ZH] * 20, box, 28, 12) is None


def test_paginate_keeps_paragraphs_whole_and_every_page_fits():
    box = Box(300, 150)
    pages = textfit.paginate([ZH] * 9, box, 14)
    assert len(pages) > 1
    assert sum(len(p) for p in pages) == 9
    assert all(textfit.paragraphs_height(p, 14, box.width) <= box.height for p in pages)


CJK = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x62FF), min_size=2, max_size=60)


@settings(max_examples=150, deadline=None)
@given(CJK, st.integers(min_value=5, max_value=40))
def test_chinese_never_ends_on_a_line_of_one_character(text, per_line):
    lines = textfit.wrap(text, 12, per_line * 12 * 1.05)
    assert "".join(lines) == text
    assert len(lines) == 1 or len(lines[-1]) >= 2, lines


@pytest.mark.parametrize("text", ["我方指数 81.7，领先最强对手 7.3", "我方指数81.7，领先最强对手7.3", "网络交易的安全性和实时性 高",
                                  "We lead the strongest rival by 7.3 points", "一项权重±2的变化都不会改变我方的定位（2）"])
def test_a_number_or_a_lone_character_moves_with_the_word_before_it(text):
    """At every width the text takes two lines or more, the last line is not a number (with its unit) nor
    one character alone, and the lines still give the text back."""
    seen = 0
    for width in range(60, 400, 3):
        lines = textfit.wrap(text, 12, width)
        if len(lines) < 2:
            continue
        seen += 1
        assert " ".join(lines).replace(" ", "") == text.replace(" ", "")
        last = lines[-1]
        assert len(last.rstrip("）)。.")) > 1, (width, lines)
        assert not re.fullmatch(r"[\d.,]+\s?\S{0,2}", last), (width, lines)
        if textfit.is_wide(text[-1]) and not re.search(r"\d", last):
            assert len(last) >= 2
    assert seen > 10


def test_the_break_a_writer_forces_is_where_the_engine_starts_the_last_line():
    text = "我方指数 81.7，领先最强对手 7.3"
    forced = [(width, textfit.forced_break(text, 12, width)) for width in range(40, 400, 3)]
    assert any(at is not None for _, at in forced)
    for width, at in forced:
        if at is not None:  # the last line the engine measured starts there
            assert text[at:] == textfit.wrap(text, 12, width)[-1]
    assert textfit.forced_break("短句", 12, 400) is None  # one line: nothing to force
