"""The words and number shapes target extraction reads: units, numbers, comparators and task verbs."""

from __future__ import annotations

import re

BASE_UNITS = (
    "个百分点|百分点|平方公里|平方米|微克/立方米|立方米|公里|千米|公顷|亩|千瓦时|千瓦|公斤|斤|吨|美元|元|人次|家次|家|件|个|项|名|人|"
    "场次|场|所|座|台套|台|套|篇|批|户|条|位|支|辆|张|间|处|次|倍|岁|年|%|‰"
)
CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
# A number starts where its run starts, and no real quantity is longer than these caps: without them a
# 16,000-character run of 一 made the quantity regex quadratic (found by bench/fuzz.py).
NUMBER = rf"(?:(?<![\d.])\d{{1,20}}(?:\.\d{{1,8}})?|(?<![{CN_DIGITS}])[{CN_DIGITS}]{{1,16}})"
NEW = r"新增|新认定|新备案|新建|新引进|新培育|新选派|新储备|新开工|新拓展|新设立|新组建|净增"
SPEND = r"拟安排|安排|发行|使用|投资|投入"
DECLINE_VERB = r"下降|降低|减少|减轻|压减|压降|缩减|削减|降"
COMPARATOR = re.compile(
    rf"(不少于|不低于|不超过|控制在|保持在|稳定在|达到|达(?!标)|超过|超(?!长|大|级|高|前|额|越|常|市)|突破|高于|提高到|提升到|增加到|降至|降到|增长|增幅|增速|"
    rf"提高|提升|增加(?!值)|扩大|上涨|涨幅|{DECLINE_VERB}|{NEW}|累计|拟按|{SPEND}|守住|严守|(?:规模|总额)$)"
)
# Task verbs: a clause that does something a number of times states a task quantity (改造棚户区800户).
ACTION = re.compile(
    r"(引进|培训|培育|布局|组织|举办|开展|实施|支持|签署|承担|取得|储备|争取|力争|确保|完成|建设|建成|改造|新建|共建|组建|引建|整合|争创|"
    r"办好|推出|启动|开工|淘汰|治理|打造|提升|创建|实现|退出|扶持|修建|整治|新增)"
)
AFTER = re.compile(r"^\s*(以上|以内|左右|以下|多|余)")
# 一条环路、两条滨河路、四条大街: a list of counted things is a list of tasks, in words or digits.
COUNTED_LIST = re.compile(rf"{NUMBER}(条|座|个|所|家|项|处)[^、,]{{2,12}}、{NUMBER}(条|座|个|所|家|项|处)")
# 超百项, 突破千家: a bare 百/千/万 stands for a round number (see rejections for where it counts).
ROUND = {"百": 100.0, "千": 1000.0, "万": 10000.0}
