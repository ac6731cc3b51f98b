#!/usr/bin/env python3
"""Builds seeds/regions.csv from the project's reference data on divisions.

Usage: python3 seeds/tools/build_regions.py ../shared/data/regions > seeds/regions.csv

Inputs (see that folder's README): divisions-150000.csv (code,name,level,parent_code),
names-en-prefecture.csv (established English names of the province and its 12 prefecture-level
units) and names-pinyin-150000.csv (toneless pinyin of the province, prefectures and the 103
GB/T 2260 counties, for the name without its suffix).

English names: the established name where one exists; otherwise, for counties with pinyin, the
romanised form of GB/T 17693.1: the specific part written as one word, the generic part
(Qu, Xian, Shi, Qi, Zuoqi, Zizhiqi...) as words of its own, e.g. 新城区 -> Xincheng Qu,
土默特左旗 -> Tumote Zuoqi. Townships and the five statistics-only units have no pinyin in the
reference data and get no English name.
"""
import csv
import sys
from pathlib import Path

STATISTICAL_ONLY = {"150172", "150271", "150571", "152571", "152971"}

# Generic parts of county-level names, longest first: Chinese suffix -> pinyin words.
GENERICS = [
    ("达斡尔族自治旗", ["dawo'erzu", "zizhiqi"]),
    ("左翼前旗", ["zuoyi", "qianqi"]), ("左翼中旗", ["zuoyi", "zhongqi"]), ("左翼后旗", ["zuoyi", "houqi"]),
    ("右翼前旗", ["youyi", "qianqi"]), ("右翼中旗", ["youyi", "zhongqi"]), ("右翼后旗", ["youyi", "houqi"]),
    ("族自治旗", None), ("自治旗", ["zizhiqi"]), ("联合旗", ["lianheqi"]),
    ("前旗", ["qianqi"]), ("中旗", ["zhongqi"]), ("后旗", ["houqi"]), ("左旗", ["zuoqi"]), ("右旗", ["youqi"]),
    ("旗", ["qi"]), ("矿区", ["kuangqu"]), ("区", ["qu"]), ("县", ["xian"]), ("市", ["shi"]),
]
SUFFIX_PINYIN = {"区": "qu", "县": "xian", "市": "shi", "旗": "qi"}


def join_syllables(syllables):
    """Writes syllables as one word, with an apostrophe before a syllable starting with a, o or e."""
    word = ""
    for s in syllables:
        if word and s[0] in "aoe":
            word += "'"
        word += s
    return word


def romanise(name, pinyin):
    syllables = pinyin.split()
    if len(syllables) == len(name) - 1 and name[-1] in SUFFIX_PINYIN:
        syllables.append(SUFFIX_PINYIN[name[-1]])
    for suffix, words in GENERICS:
        if not name.endswith(suffix):
            continue
        if words is None:  # 鄂温克族自治旗: 族 belongs to the specific part (Ewenkezu Zizhiqi)
            suffix, words = "自治旗", ["zizhiqi"]
        if len(syllables) == len(name):
            specific = syllables[: len(name) - len(suffix)]
        else:  # the pinyin covers the specific part only (莫力达瓦达斡尔族自治旗 -> mo li da wa)
            specific = syllables
        return " ".join([join_syllables(specific).capitalize()] + [w.capitalize() for w in words])
    raise SystemExit(f"no generic part known for {name}")


def main(folder):
    folder = Path(folder)
    english = {r["code"]: r["name_en"] for r in csv.DictReader(open(folder / "names-en-prefecture.csv", encoding="utf-8"))}
    pinyin = {r["code"]: r["name_pinyin"] for r in csv.DictReader(open(folder / "names-pinyin-150000.csv", encoding="utf-8"))}
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["code", "name", "name_en", "level", "parent_code", "statistical_only"])
    for r in csv.DictReader(open(folder / "divisions-150000.csv", encoding="utf-8")):
        code, name, level = r["code"], r["name"], r["level"]
        if code in english:
            name_en = english[code]
        elif code in pinyin and level == "county":
            name_en = romanise(name, pinyin[code])
        else:
            name_en = ""
        out.writerow([code, name, name_en, level.upper(), r["parent_code"], "true" if code in STATISTICAL_ONLY else "false"])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/regions")
