"""Generate a corpus of plans with known shared passages, from the seeds and the shared corpus reports.

Each "city" takes one base plan, with place names and years swapped; most editions get a title line
naming the city, the rest (UNTITLED_SHARE) leave it to the body, as many real pages and pastes do. Two cities on the same base would
share every sentence, so each city also rewrites its base in its own idiom: a fixed share of its words
is swapped for other words of the corpus, the same way in every edition (cities' texts then differ as
real cities' do, and any text two cities share is text one copied). Each edition then gets the edits a
year brings: sections reordered and renumbered, sentences reworded, added and dropped, targets changed.
Finally passages of 3-5 sentences are copied from one city's edition into a later edition of another
city (with the place name swapped), and recorded in ground_truth.json.

    .venv/bin/python bench/make_corpus.py --out /tmp/plandiff-corpus --cities 100 --years 20
"""

from __future__ import annotations

import argparse
import json
import random
import re
from functools import lru_cache
from pathlib import Path

from plandiff.engines.words import tokenize
from plandiff.model import Metadata
from plandiff.sources.library import suggest_slug

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "plandiff" / "seeds"
SHARED = ROOT.parent / "shared" / "corpus"
if not SHARED.is_dir():
    SHARED = Path("/work/shared/corpus")

# base file → (its plan year, place names it uses, what kind of plan it is, weight). The first place name
# becomes the city's; the others are dropped. hailar-gwr-2017 is a district's report: see DISTRICT_AS_CITY.
BASES = {
    "binzhou-2023": (2023, ("滨州",), "科技工作要点", 3),
    "changzhou-2018": (2018, ("常州",), "科技工作计划", 3),
    "qingdao-2018": (2018, ("青岛",), "科技工作要点", 3),
    "qingdao-shinan-2021": (2021, ("青岛", "市南"), "科技工作计划", 3),
    "wuhan-2014": (2014, ("武汉",), "科技工作要点", 3),
    "hailar-gwr-2017": (2017, ("海拉尔", "呼伦贝尔"), "政府工作报告", 1),
    "national-gwr-2021": (2021, (), "政府工作报告", 1),
    "national-gwr-2022": (2022, (), "政府工作报告", 1),
    "national-gwr-2023": (2023, (), "政府工作报告", 1),
}
CITIES = (
    "石家庄 唐山 秦皇岛 邯郸 保定 张家口 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 "
    "包头 乌海 赤峰 通辽 鄂尔多斯 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛 长春 "
    "吉林 四平 辽源 通化 白山 松原 白城 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 "
    "南京 无锡 徐州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 "
    "台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城 福州 厦门 莆田 "
    "三明 泉州 漳州 南平 龙岩 宁德 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南 淄博 枣庄 东营 "
    "烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 菏泽 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 "
    "三门峡 南阳 商丘 信阳 周口 驻马店 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 长沙 株洲 湘潭 衡阳"
).split()
PROTECTED = set(
    "达到 超过 以上 不少于 新增 增长 提高 百分点 确保 力争 争取 研发 投入 强度 经费 生产总值 比重 地区 全社会 高新技术 "
    "企业 技术 合同 成交额 成交 发明专利 发明 专利 万人 拥有量 就业 城镇 失业率 调查 居民 消费 价格 工作 要点 计划 政府 "
    "报告 科技 全市 全区 我市 我区 全省 全国 年 亿元 万元 总结 重点 任务 目标 主要".split()
    # A city writes its plan in its own words, but names its organs and congress as every city does.
    + "代表 人民代表大会 全国人民代表大会 人民政府 国务院 科技局 科学技术局 印发 通知 会议 市长 区长 总理".split()
    # ... and its web page keeps the site's field labels (信息名称:, 发布机构:, 关于印发《…》的通知).
    + "关于 信息 名称 发布 机构 部门 时间 日期 文号 索引 来源 政策 主动 公开 内容 概述 科学技术".split()
)
# Hailar's report speaks as a district of 呼伦贝尔; as a city's report it must speak as a city (海拉尔区人民政府
# → X市人民政府), or every edition would name a district 'X区' no real city has.
DISTRICT_AS_CITY = (("海拉尔区", "{name}市"), ("呼伦贝尔市", "自治区"), ("呼伦贝尔", "{name}"), ("代区长", "代市长"))
# How often an edition comes without the added title line (as a page whose own title leaves out the city,
# 市科技局2014年工作要点, or a paste of the body): then only the body says whose plan it is.
UNTITLED_SHARE = 0.3
SWAP_SHARE = 0.45  # share of a city's word types it writes its own way
_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_TOP_MARKER = re.compile(r"^([一二三四五六七八九十]+)、", re.M)
_TARGET_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(?=\s*(?:%|家|项|亿元|万元|个|件|人))")
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
_HAN_NUMBERS = "一二三四五六七八九十"


def _read(name: str) -> str:
    path = SEEDS / f"{name}.txt"
    if not path.exists():
        path = SHARED / f"{name}.txt"
    data = path.read_bytes()
    return data.decode("utf-8") if not data.startswith(b"\xef\xbb\xbf") else data.decode("utf-8-sig")


def _han(number: int) -> str:
    if number <= 10:
        return _HAN_NUMBERS[number - 1]
    return ("" if number < 20 else _HAN_NUMBERS[number // 10 - 1]) + "十" + (_HAN_NUMBERS[number % 10 - 1] if number % 10 else "")


class City:
    """One city's base text in its own idiom, and the sentences it may add in later editions."""

    def __init__(self, name: str, base: str, texts: dict[str, list[str]], vocabulary: list[str], rng: random.Random):
        self.name, self.base = name, base
        year, places, kind, _ = BASES[base]
        self.base_year, self.kind = year, kind
        swaps: dict[str, str] = {}

        def idiom(tokens: list[str]) -> str:
            out = []
            for token in tokens:
                if (_CJK_WORD.match(token) and token not in PROTECTED and token[-1] not in "区县市省州旗镇乡"
                        and not any(p in token for p in places)):
                    if token not in swaps:
                        swaps[token] = rng.choice(vocabulary) if rng.random() < SWAP_SHARE else token
                    out.append(swaps[token])
                else:
                    out.append(token)
            return "".join(out)

        text = _as_city(idiom(texts[base]), base, name)
        self.title, self.text = f"{name}市{year}年{kind}\n\n", text
        other = rng.choice([b for b in BASES if b != base])
        # Added sentences speak of this city, not of the one (or the country) they came from.
        reserve = _as_city(idiom(texts[other]), other, name)
        self.reserve = [s for s in _sentences(reserve) if len(s) >= 20]


def _as_city(text: str, base: str, name: str) -> str:
    """A base text as city `name` would write it: its places, organs and congress made the city's own."""
    places = BASES[base][1]
    if base == "hailar-gwr-2017":
        for old, new in DISTRICT_AS_CITY:
            text = text.replace(old, new.format(name=name))
    if not places:  # the national report, as a city's: the city's congress, government and people
        for national, local in (("全国人民代表大会", f"{name}市人民代表大会"), ("国务院", f"{name}市人民政府"),
                                ("全国", "全市")):
            text = text.replace(national, local)
    for place in places:
        text = text.replace(place, name if place == places[0] else "")
    return text


def _sentences(text: str) -> list[str]:
    return re.findall(r"[^。\n]+。", text)


def edition(city: City, year: int, rng: random.Random, vocabulary: list[str]) -> str:
    """One year's plan: years shifted, then this year's edits."""
    shift = year - city.base_year
    title = "" if rng.random() < UNTITLED_SHARE else city.title
    text = _YEAR.sub(lambda m: str(int(m.group(1)) + shift), title + city.text)
    text = _reorder_sections(text, rng)
    lines = []
    for line in text.split("\n"):
        parts = re.split(r"(?<=。)", line)
        kept = []
        for part in parts:
            if part.endswith("。") and len(part) > 15 and rng.random() < 0.03:
                continue  # dropped
            if part.endswith("。") and rng.random() < 0.08:
                part = _reword(part, rng, vocabulary)
            kept.append(part)
            if part.endswith("。") and rng.random() < 0.03:
                kept.append(rng.choice(city.reserve))  # added
        lines.append("".join(kept))
    text = "\n".join(lines)
    return _TARGET_NUMBER.sub(lambda m: _changed_number(m.group(1), rng), text)


def _reword(sentence: str, rng: random.Random, vocabulary: list[str]) -> str:
    spots = [m.start() for m in re.finditer(r"[\u4e00-\u9fff]{2}", sentence)]
    if not spots:
        return sentence
    at = rng.choice(spots)
    return sentence[:at] + rng.choice(vocabulary)[:2] + sentence[at + 2:]


def _changed_number(number: str, rng: random.Random) -> str:
    if rng.random() > 0.4:
        return number
    decimals = len(number.split(".")[1]) if "." in number else 0
    value = float(number) * rng.uniform(0.9, 1.25)
    return f"{value:.{decimals}f}"


def _reorder_sections(text: str, rng: random.Random) -> str:
    """Swap two neighbouring top-level sections now and then, and number them again in order."""
    starts = [m.start() for m in _TOP_MARKER.finditer(text)]
    if len(starts) >= 3 and rng.random() < 0.3:
        blocks = [text[a:b] for a, b in zip(starts, starts[1:] + [len(text)])]
        i = rng.randrange(1, len(blocks) - 1)
        if not blocks[i].endswith("\n"):
            blocks[i] += "\n"
        blocks[i], blocks[i + 1] = blocks[i + 1], blocks[i]
        text = text[:starts[0]] + "".join(blocks)
    counter = iter(range(1, 1000))
    return _TOP_MARKER.sub(lambda m: f"{_han(next(counter))}、", text)


def plant(plans: dict[tuple[str, int], str], cities: list[City], copies: int, rng: random.Random) -> list[dict]:
    """Copy 3-5 consecutive sentences of one city's edition into a later edition of another city."""
    truth, used = [], set()
    keys = sorted(plans)
    attempts = 0
    while len(truth) < copies and attempts < copies * 50:
        attempts += 1
        source_key, copier_key = rng.choice(keys), rng.choice(keys)
        if source_key[0] == copier_key[0] or source_key[1] > copier_key[1] or copier_key in used:
            continue
        sentences = [s for s in _sentences(plans[source_key]) if len(s) >= 20]
        if len(sentences) < 20:
            continue
        start = rng.randrange(len(sentences) // 4, len(sentences) - 6)
        passage_sentences = sentences[start:start + rng.randint(3, 5)]
        if any(s in used for s in passage_sentences):
            continue
        used.update(passage_sentences)
        used.add(copier_key)
        passage = "".join(passage_sentences).replace(source_key[0], copier_key[0])
        text = plans[copier_key]
        breaks = [m.end() for m in re.finditer(r"。[ \t\u3000]*\n", text)] or [m.end() for m in re.finditer(r"\n", text)]
        at = rng.choice(breaks[len(breaks) // 4: 3 * len(breaks) // 4] or breaks)
        plans[copier_key] = text[:at] + passage + "\n" + text[at:]
        truth.append({"copier": list(copier_key), "source": list(source_key), "passage": passage})
    return truth


@lru_cache(maxsize=None)
def _stem(city: str) -> str:
    """The city's slug without its year; twins in pinyin (苏州, 宿州) get -2 so no file overwrites another."""
    stem = suggest_slug(Metadata(place=city, city=city, year=2000)).removesuffix("-2000")
    twins = [other for other in CITIES[:CITIES.index(city)] if _stem(other) == stem] if city in CITIES else []
    return f"{stem}-{len(twins) + 1}" if twins else stem


def file_name(city: str, year: int) -> str:
    return f"{_stem(city)}-{year}.txt"


def generate(out: Path, cities: int, years: int, copies: int, seed: int = 16) -> dict:
    rng = random.Random(seed)
    texts = {name: tokenize(_read(name)) for name in BASES}
    # No word ending like a place (区, 县, 市…): a swapped-in 棚户区 would read as a district of the city.
    places = {p for spec in BASES.values() for p in spec[1]} | set(CITIES)
    vocabulary = sorted({t for tokens in texts.values() for t in tokens
                         if _CJK_WORD.match(t) and t not in PROTECTED and t[-1] not in "区县市省州旗镇乡"
                         and not any(p in t for p in places)})
    bases = [name for name, spec in BASES.items() for _ in range(spec[3])]
    city_list = [City(name, rng.choice(bases), texts, vocabulary, random.Random(f"{seed}-{name}"))
                 for name in CITIES[:cities]]
    last = 2023
    plans = {(city.name, year): edition(city, year, random.Random(f"{seed}-{city.name}-{year}"), vocabulary)
             for city in city_list for year in range(last - years + 1, last + 1)}
    truth = plant(plans, city_list, copies, rng)
    out.mkdir(parents=True, exist_ok=True)
    for (city, year), text in plans.items():
        encoding = "gb18030" if rng.random() < 0.1 else "utf-8"  # any encoding
        (out / file_name(city, year)).write_bytes(text.encode(encoding))
    (out / "unreadable.pdf").write_bytes(b"%PDF-1.4 not a real pdf")
    (out / "empty.txt").write_bytes(b"")
    for item in truth:
        item["copier_file"] = file_name(*item["copier"])
        item["source_file"] = file_name(*item["source"])
    facts = {"plans": len(plans), "cities": len(city_list), "copies": truth,
             "city_of_file": {file_name(c, y): c for c, y in plans}}
    (out / "ground_truth.json").write_text(json.dumps(facts, ensure_ascii=False, indent=1), encoding="utf-8")
    return facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/plandiff-corpus"))
    parser.add_argument("--cities", type=int, default=100)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--copies", type=int, default=150)
    args = parser.parse_args()
    facts = generate(args.out, args.cities, args.years, args.copies)
    print(f"{facts['plans']} plans of {facts['cities']} cities, {len(facts['copies'])} planted copies in {args.out}")


if __name__ == "__main__":
    main()
