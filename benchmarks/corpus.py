# ruff: noqa: E501  (sentence banks are data)
"""A synthetic but realistic news corpus for the build benchmark.

Every article looks like the seed articles the project was built for
(Hugo front matter, a ``>`` lede, an intro paragraph, five ``###`` sections,
a trailing ``## 引用`` / ``## References`` section with 3–6 footnotes), in
Chinese or English, at seed-like length (about 3,500 CJK characters or
1,100 English words).

- about 50 tags and 10 topics, drawn with a long-tailed (Zipf-like)
  distribution, so a few terms carry hundreds of articles and most carry few;
- a vocabulary of rare tags that grows with N (N / 8 of them: an event, a
  deal, a product launch), three articles in four carrying one or two, so
  that most of the site's tags are on a handful of articles, as in a
  ten-year archive;
- footnote citations drawn from a shared pool of sources (also Zipf-like),
  so the same source is cited by many articles, sometimes typed with other
  spacing, as real newsrooms do;
- about 2 % drafts, kept out of the toctree (``drafts/``, ``orphan: true``).

The corpus is deterministic for a given seed and size. ``render()`` writes
one article in one of two front-matter flavours: ``"hugo"`` (the seed's
keys, read by plain Sphinx + MyST and by sphinx-newsroom) and ``"ablog"``
(``blogpost: true``, ``date``, ``tags``, ``category``, ``author``, naive
dates, a ``#`` title in the body, since ABlog takes the title from there).
"""

from __future__ import annotations

import bisect
import datetime as dt
import random
import struct
import zlib
from dataclasses import dataclass, field
from pathlib import Path

TZ = dt.timezone(dt.timedelta(hours=8))

# ---------------------------------------------------------------------------
# Vocabulary

COMPANIES_ZH = [
    "OpenAI", "谷歌", "英伟达", "亚马逊", "微软", "Meta", "Anthropic", "甲骨文",
    "CoreWeave", "台积电", "三星", "SK海力士", "英特尔", "AMD", "博通", "阿里云",
    "腾讯云", "华为", "字节跳动", "百度",
]
COMPANIES_EN = [
    "OpenAI", "Google", "Nvidia", "Amazon", "Microsoft", "Meta", "Anthropic", "Oracle",
    "CoreWeave", "TSMC", "Samsung", "SK Hynix", "Intel", "AMD", "Broadcom", "Alibaba Cloud",
    "Tencent Cloud", "Huawei", "ByteDance", "Baidu",
]
PRODUCTS = [
    "TPU", "H100", "B200", "GB200", "Trainium", "Inferentia", "MI300X", "Gaudi 3",
    "HBM3E", "CUDA", "Neuron SDK", "Azure", "Google Cloud", "AWS", "昇腾910",
]

# ~50 tags, most popular first (the Zipf rank is the list order).
TAGS = [
    "AI芯片", "OpenAI", "Nvidia", "云计算", "算力", "Google TPU", "AWS", "市场竞争",
    "AI基础设施", "数据中心", "Microsoft", "HBM", "大模型", "推理", "Anthropic", "台积电",
    "Trainium", "资本开支", "半导体", "GPU", "Meta", "开源模型", "供应链", "Azure",
    "AMD", "能源", "液冷", "出口管制", "CoreWeave", "Oracle", "Broadcom", "ASIC",
    "训练集群", "芯片封装", "CoWoS", "电力", "财报", "估值", "Intel", "Samsung",
    "SK Hynix", "边缘计算", "自动驾驶", "机器人", "AI安全", "监管", "欧盟", "开发者生态",
    "Agent", "多模态",
]
# ~10 topics, most popular first.
TOPICS = [
    "算力与芯片", "产业生态与商业版图", "前沿模型与算法", "云与数据中心", "政策与监管",
    "资本市场", "能源与可持续", "应用与落地", "开源生态", "安全与治理",
]
# The long tail: rare tags are "<subject>·<event> <number>", N / 8 of them.
RARE_SUBJECTS = COMPANIES_ZH[:12] + PRODUCTS[:8]
RARE_EVENTS = ["发布会", "财报季", "并购", "诉讼", "裁员", "融资", "Keynote", "Outage",
               "Recall", "Partnership"]
RARE_TAG_SHARE = 8  # one rare tag per 8 articles
AUTHORS = ["许超", "陈默", "王一帆", "李昂", "赵敏", "Jane Doe", "John Smith", "Maria Garcia"]

PUBLISHERS_ZH = [
    "华尔街见闻", "新浪财经", "36氪", "财新", "第一财经", "界面新闻", "澎湃新闻",
    "证券时报", "21世纪经济报道", "钛媒体", "云计算前哨", "芯智观察", "科技商业周刊",
    "moomoo 社区",
]
PUBLISHERS_EN = [
    "Reuters", "Bloomberg", "The Information", "Financial Times", "The Verge",
    "TechCrunch", "SemiAnalysis", "Wall Street Journal", "CNBC", "Ars Technica",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]

ZH_SENTENCES = [
    "{co}此举的核心驱动力之一，是其对**推理计算成本降低**的迫切需求。",
    "随着大模型日益普及，模型训练固然耗资巨大，但日常数亿用户的推理请求才是长期且规模庞大的成本负担。",
    "摩根士丹利分析师指出，{co}是迄今为止{prod}最重要的外部客户，其选择是对{co2}基础设施能力的认可。",
    "{co2}的{prod}技术积累已逾十年，其设计理念专注于深度学习工作负载，尤其在推理效率上表现突出。",
    "据测算，{co}今年在数据中心上的资本开支预计将达到{num}亿美元，同比增长{pct}%。",
    "分析师认为，对替代架构的强劲需求，至少有一部分是由**算力短缺**所驱动。",
    "目前，高端GPU特别是机架级产品处于“售罄”状态，市场供应持续紧张。",
    "这一动态预计将使投资者高度关注{co2}在下半年的增长情况，及其自研芯片的市场竞争力。",
    "在AI算力军备竞赛中，云服务商的自研芯片实力正成为其差异化竞争的关键所在。",
    "未来，更多AI公司可能为了优化成本、规避单一供应商风险，而选择混合部署不同厂商的芯片和云服务。",
    "{co}方面强调，{prod}实例的性价比较同类产品高出{pct}%，下一代产品预计将于{year}年推出。",
    "业内对{prod}的软件生态仍有保留，模型适配、算子覆盖和开发者熟悉度方面仍有差距。",
    "有行业人士指出，双方未能牵手或许更多是战略选择，而非单纯的技术评判。",
    "今年第{q}季度，{co}营收同比增长{pct}%，增速{cmp}市场预期。",
    "这一合作也间接反映了{co2}对其在核心业务领域地位的**信心**。",
    "通过将自研的硬件能力转化为云服务优势，{co2}正在强化其在AI时代的综合竞争力。",
    "从供应链角度看，先进封装与高带宽内存的产能仍是制约出货的主要瓶颈。",
    "{co}的一位发言人拒绝就具体合同条款置评，但表示公司“始终以客户需求为中心”。",
    "多位接近{co}的人士透露，相关谈判已持续{num2}个月，涉及的算力规模超过{num3}万张加速卡。",
    "市场研究机构的数据显示，{year}年全球AI加速器市场规模有望突破{num}亿美元。",
    "值得注意的是，{co2}在此次合作中的缺席，暴露出其在满足大型客户需求上的挑战。",
    "对于{co}而言，这不仅将直接推动云业务增长，更可能成为收入加速增长的驱动因素。",
    "尽管如此，这恰恰凸显了定制芯片方面的显著差异化优势。",
    "只要产能问题持续存在，其他厂商的定制芯片就有机会填补市场空白。",
    "监管层面，多国正在收紧对先进计算芯片的出口限制，给全球供应链带来新的不确定性。",
    "电力供应已成为新建数据中心选址时最先考虑的因素，部分地区的并网等待时间长达{num2}年。",
    "液冷方案的渗透率正在快速提升，预计到{year}年将覆盖{pct}%的新建AI机柜。",
    "开源模型的快速迭代，正在降低中小企业部署大模型的门槛。",
    "投资者对AI基础设施的长期回报仍存在分歧，部分机构开始下调相关公司的目标价。",
    "{co}与{co2}的竞争与合作将愈发激烈，这场博弈的结果将深刻影响行业格局。",
    "在推理场景中，延迟与吞吐之间的权衡，决定了不同芯片架构的适用边界。",
    "一位不愿具名的工程师表示，迁移到{prod}平台的工作量“比预想的要小得多”。",
    "市场普遍认为，{co}能否在下半年重新提速，将成为检验其AI战略成效的关键指标。",
    "这种多元化不仅体现在GPU与ASIC的并存，更体现在不同云服务商提供差异化服务的竞争。",
    "随着AI技术的持续演进，对算力的需求将只增不减。",
    "AI基础设施的未来，将是一场技术创新、成本效益与供应链韧性多重博弈的复杂棋局。",
]
EN_SENTENCES = [
    "The move is driven above all by {co}'s urgent need to **cut the cost of inference**.",
    "Training frontier models is expensive, but serving hundreds of millions of daily requests is the larger and longer-lasting bill.",
    "Analysts at Morgan Stanley called {co} the most important external customer of {prod} so far, an endorsement of {co2}'s infrastructure.",
    "{co2} has been refining {prod} for more than a decade, with a design focused squarely on deep-learning workloads.",
    "{co} is expected to spend about ${num} billion on data centres this year, up {pct}% from last year.",
    "At least part of the demand for alternative architectures is driven by a **shortage of inference capacity**, analysts say.",
    "High-end GPUs, rack-scale systems in particular, remain sold out for the coming quarters.",
    "Investors will watch {co2}'s growth in the second half closely, along with the competitiveness of its in-house silicon.",
    "In the race for AI compute, a cloud provider's own chips are becoming its sharpest differentiator.",
    "More AI companies are likely to mix chips and clouds from several vendors to optimise cost and avoid lock-in.",
    "{co} says its {prod} instances offer {pct}% better price-performance than comparable offerings, with a successor due in {year}.",
    "The software ecosystem around {prod} still lags behind in model coverage, kernel support and developer familiarity.",
    "People familiar with the talks said the decision was a strategic choice rather than a verdict on the technology.",
    "In the {ordq} quarter, {co}'s revenue grew {pct}% year on year, {cmp_en} expectations.",
    "The deal also signals {co2}'s **confidence** in its core business.",
    "By turning its own hardware into a cloud advantage, {co2} strengthens its position for the AI era.",
    "Advanced packaging and high-bandwidth memory remain the main bottlenecks on shipments.",
    "A spokesperson for {co} declined to comment on the terms of the contract, saying the company \"always puts customers first\".",
    "The negotiations lasted about {num2} months and cover more than {num3},000 accelerators, according to two people close to {co}.",
    "Market researchers expect the global AI accelerator market to exceed ${num} billion by {year}.",
    "{co2}'s absence from the deal exposes how hard it is to serve the very largest customers.",
    "For {co}, the agreement should lift cloud revenue and may become a driver of faster growth.",
    "That, in turn, highlights the advantage of custom silicon.",
    "As long as supply stays tight, other vendors' custom chips have room to fill the gap.",
    "Several governments are tightening export controls on advanced computing chips, adding uncertainty to the supply chain.",
    "Power has become the first constraint when siting a new data centre, with grid connections taking up to {num2} years in some regions.",
    "Liquid cooling is spreading fast and could cover {pct}% of new AI racks by {year}.",
    "Rapidly improving open models are lowering the bar for smaller companies to deploy large models.",
    "Investors remain divided on the long-term returns of AI infrastructure, and some have cut their price targets.",
    "The rivalry between {co} and {co2} is intensifying, and its outcome will shape the industry.",
    "For inference, the trade-off between latency and throughput decides where each chip architecture fits.",
    "One engineer who asked not to be named said moving to {prod} took \"far less work than expected\".",
    "Whether {co} can reaccelerate in the second half is widely seen as the test of its AI strategy.",
    "Diversification shows both in GPUs and ASICs coexisting and in clouds competing on differentiated services.",
    "Demand for compute will only keep growing as AI technology evolves.",
    "The future of AI infrastructure is a complex game of innovation, cost and supply-chain resilience.",
]
ZH_HEADINGS = [
    "技术格局的深层变迁", "战略机遇与十年磨砺", "产能之困与市场韧性", "缺席与自研芯片挑战",
    "前瞻：算力多元化与AI生态新平衡", "成本账本", "供应链的瓶颈", "客户怎么看", "资本市场的反应",
    "监管的影子", "能源约束", "软件生态之争", "谁是赢家", "下一步", "数字背后", "竞争对手的回应",
    "技术路线的分歧", "投资者的考题", "风险与不确定性", "行业影响",
]
EN_HEADINGS = [
    "A shift in the landscape", "A decade in the making", "Capacity crunch", "The missing partner",
    "Outlook: a more diverse compute market", "The cost equation", "Supply-chain bottlenecks",
    "What customers say", "How markets reacted", "The regulatory shadow", "Power constraints",
    "The software moat", "Who wins", "What comes next", "Behind the numbers", "Rivals respond",
    "Diverging roadmaps", "The investor test", "Risks", "Industry impact",
]
ZH_TITLE_ACTS = [
    "转向{prod}", "加码自研芯片", "押注{prod}", "扩建数据中心", "牵手{co2}", "下调资本开支预期",
    "发布新一代{prod}", "遭遇产能瓶颈", "开放{prod}给外部客户", "重组云业务",
]
ZH_TITLE_ANGLES = [
    "重塑AI算力版图的战略棋局", "一场成本与效率的博弈", "能否扳回一局？", "背后的三重考量",
    "算力多元化的新信号", "投资者该如何解读", "供应链迎来新变量", "云计算格局生变",
]
EN_TITLE_ACTS = [
    "turns to {prod}", "doubles down on custom chips", "bets on {prod}", "expands its data centres",
    "partners with {co2}", "trims its capex outlook", "unveils a new {prod}", "hits a capacity wall",
    "opens {prod} to outside customers", "reorganises its cloud unit",
]
EN_TITLE_ANGLES = [
    "reshaping the AI compute map", "a game of cost and efficiency", "can it catch up?",
    "three reasons behind it", "a new sign of diversification", "what investors should read into it",
    "a new variable for the supply chain", "the cloud landscape shifts",
]


# ---------------------------------------------------------------------------
# Data


@dataclass
class Source:
    lang: str
    title: str
    publisher: str
    author: str
    date: dt.date
    url: str = ""

    def footnote(self, accessed: dt.date, variant: int) -> str:
        """The footnote text; ``variant`` picks a spelling (same source key)."""
        if self.lang == "zh":
            d = f"{self.date.year}/{self.date.month}/{self.date.day}"
            a = f"{accessed.year}/{accessed.month}/{accessed.day}"
            if variant % 5 == 4:  # typed with spaces and ASCII brackets
                return (f"{self.title} · {self.publisher} · {self.author} ({d}) · 检索日期{a}")
            return f"{self.title}·{self.publisher}·{self.author}（{d}）·检索日期{a}"
        d = f"{MONTHS[self.date.month - 1]} {self.date.day}, {self.date.year}"
        a = f"{MONTHS[accessed.month - 1]} {accessed.day}, {accessed.year}"
        who = f"{self.author}, " if self.author else ""
        return f'{who}"{self.title}," {self.publisher}, {d}. {self.url} (accessed {a}).'


@dataclass
class Section:
    heading: str
    paragraphs: list[str]


@dataclass
class Article:
    index: int
    lang: str
    docname: str
    title: str
    date: dt.datetime
    draft: bool
    image: str
    summary: str
    tags: list[str]
    topics: list[str]
    authors: list[str]
    lede: str
    intro: str
    sections: list[Section]
    footnotes: list[str]
    extra: list[str] = field(default_factory=list)  # appended by body edits


class Zipf:
    """Weighted sampling without replacement, weight 1/rank**s."""

    def __init__(self, items: list, s: float, rng: random.Random) -> None:
        self.items = list(items)
        self.weights = [1.0 / (r + 1) ** s for r in range(len(items))]
        self.rng = rng

    def sample(self, k: int, allowed: list[int] | None = None) -> list:
        idx = list(range(len(self.items))) if allowed is None else list(allowed)
        k = min(k, len(idx))
        chosen = []
        w = [self.weights[i] for i in idx]
        for _ in range(k):
            total = sum(w)
            cum = []
            acc = 0.0
            for x in w:
                acc += x
                cum.append(acc)
            j = bisect.bisect_left(cum, self.rng.random() * total)
            j = min(j, len(idx) - 1)
            chosen.append(self.items[idx[j]])
            del idx[j]
            del w[j]
        return chosen


class Corpus:
    """N articles, deterministic for (n, seed)."""

    def __init__(self, n: int, seed: int = 20250702, draft_rate: float = 0.02) -> None:
        self.n = n
        self.rng = random.Random(f"{seed}-{n}")
        rng = self.rng
        start = dt.datetime(2024, 1, 1, 8, 0, tzinfo=TZ)
        span = (dt.datetime(2025, 10, 31, 22, 0, tzinfo=TZ) - start).total_seconds()
        self.sources = self._make_sources(max(40, n // 2))
        # Sources in order of date, for "cite only what existed then".
        self.sources.sort(key=lambda s: s.date)
        source_dates = [s.date for s in self.sources]
        # Popularity rank independent of date.
        ranks = list(range(len(self.sources)))
        rng.shuffle(ranks)
        popularity = sorted(range(len(self.sources)), key=lambda i: ranks[i])
        self._source_zipf = Zipf([self.sources[i] for i in popularity], 0.9, rng)
        self._source_pos = {id(self.sources[i]): p for p, i in enumerate(popularity)}
        tag_zipf = Zipf(TAGS, 0.9, rng)
        # A generator of its own, so the rest of the corpus is what it was before
        # the long tail was added.
        rare_rng = random.Random(f"{seed}-{n}-rare")
        self.rare_tags = [
            f"{RARE_SUBJECTS[j % len(RARE_SUBJECTS)]}·"
            f"{RARE_EVENTS[(j // len(RARE_SUBJECTS)) % len(RARE_EVENTS)]} {j + 1}"
            for j in range(max(1, n // RARE_TAG_SHARE))
        ]
        topic_zipf = Zipf(TOPICS, 1.0, rng)
        n_drafts = max(1, round(n * draft_rate)) if n >= 20 else 0
        draft_ids = set(rng.sample(range(n), n_drafts))
        self.articles: list[Article] = []
        for i in range(n):
            lang = "zh" if rng.random() < 0.6 else "en"
            date = start + dt.timedelta(seconds=int(rng.random() * span))
            date = date.replace(second=rng.randrange(60))
            draft = i in draft_ids
            folder = "drafts" if draft else "articles"
            cut = bisect.bisect_right(source_dates, date.date())
            allowed = [self._source_pos[id(s)] for s in self.sources[: max(cut, 6)]]
            same_lang = [p for p in allowed if self._source_zipf.items[p].lang == lang]
            k = rng.randint(3, 6)
            picked = self._source_zipf.sample(k, same_lang if len(same_lang) >= 6 else allowed)
            accessed = (date + dt.timedelta(days=rng.randint(0, 3))).date()
            footnotes = [s.footnote(accessed, rng.randrange(10)) for s in picked]
            article = self._make_article(
                i, lang, f"{folder}/n{i:05d}", date, draft, tag_zipf, topic_zipf, footnotes
            )
            draw = rare_rng.random()
            if draw < 0.75:
                count = 2 if draw < 0.15 else 1
                article.tags += [t for t in rare_rng.sample(self.rare_tags,
                                                            min(count, len(self.rare_tags)))
                                 if t not in article.tags]
            self.articles.append(article)

    # -- generation helpers --------------------------------------------------

    def _fill(self, template: str, lang: str) -> str:
        rng = self.rng
        cos = COMPANIES_ZH if lang == "zh" else COMPANIES_EN
        co, co2 = rng.sample(cos, 2)
        return template.format(
            co=co, co2=co2, prod=rng.choice(PRODUCTS), num=rng.randint(50, 3000),
            num2=rng.randint(2, 18), num3=rng.randint(1, 60), pct=rng.randint(5, 80),
            year=rng.randint(2025, 2030), q=rng.choice("一二三四"),
            ordq=rng.choice(["first", "second", "third", "fourth"]),
            cmp=rng.choice(["高于", "低于", "符合"]),
            cmp_en=rng.choice(["beating", "missing", "in line with"]),
        )

    def _sentences(self, lang: str, k: int) -> list[str]:
        bank = ZH_SENTENCES if lang == "zh" else EN_SENTENCES
        return [self._fill(t, lang) for t in self.rng.sample(bank, k)]

    def _paragraph(self, lang: str, cites: list[int]) -> str:
        rng = self.rng
        sents = self._sentences(lang, rng.randint(4, 6) if lang == "zh" else rng.randint(4, 5))
        for c in cites:  # a footnote reference after a random sentence
            j = rng.randrange(len(sents))
            sents[j] = sents[j] + f"[^{c}]"
        return ("" if lang == "zh" else " ").join(sents)

    def _make_sources(self, count: int) -> list[Source]:
        rng = self.rng
        out = []
        for i in range(count):
            lang = "zh" if rng.random() < 0.6 else "en"
            date = dt.date(2023, 10, 1) + dt.timedelta(days=rng.randrange(760))
            if lang == "zh":
                co, co2 = rng.sample(COMPANIES_ZH, 2)
                title = rng.choice([
                    f"{co}转向{rng.choice(PRODUCTS)}，这对{co2}意味着什么？",
                    f"揭秘{co}的算力布局：{rng.choice(PRODUCTS)}与下一代集群",
                    f"{co}财报解读：AI业务贡献几何",
                    f"{co}与{co2}的合作细节曝光",
                    f"{rng.choice(PRODUCTS)}供需追踪：{co}的订单与产能",
                ]) + f"（{i}）"
                author = rng.choice(["许超", "李昂", "赵敏", "周宁", "孙悦", ""])
                out.append(Source("zh", title, rng.choice(PUBLISHERS_ZH), author, date))
            else:
                co, co2 = rng.sample(COMPANIES_EN, 2)
                title = rng.choice([
                    f"{co} turns to {rng.choice(PRODUCTS)}: what it means for {co2}",
                    f"Inside {co}'s compute build-out",
                    f"{co} earnings: how much does AI contribute",
                    f"{co} and {co2} deal details emerge",
                    f"Tracking {rng.choice(PRODUCTS)} supply at {co}",
                ]) + f" (part {i})"
                pub = rng.choice(PUBLISHERS_EN)
                words = "".join(ch if ch.isalnum() else " " for ch in title.lower()).split()
                slug = "-".join(words[:6] + words[-1:])
                host = pub.lower().replace(" ", "") + ".example.com"
                url = f"https://{host}/{date.year}/{date.month:02d}/{slug}"
                author = rng.choice(["Jane Doe", "Max A. Cherney", "Stephen Nellis", "Anna Tong", ""])
                out.append(Source("en", title, pub, author, date, url))
        return out

    def _make_article(self, i, lang, docname, date, draft, tag_zipf, topic_zipf, footnotes):
        rng = self.rng
        nfoot = len(footnotes)
        cos = COMPANIES_ZH if lang == "zh" else COMPANIES_EN
        co, co2 = rng.sample(cos, 2)
        if lang == "zh":
            act = rng.choice(ZH_TITLE_ACTS).format(prod=rng.choice(PRODUCTS), co2=co2)
            title = f"{co}{act}：{rng.choice(ZH_TITLE_ANGLES)}"
            headings = rng.sample(ZH_HEADINGS, 5)
        else:
            act = rng.choice(EN_TITLE_ACTS).format(prod=rng.choice(PRODUCTS), co2=co2)
            title = f"{co} {act}: {rng.choice(EN_TITLE_ANGLES)}"
            headings = rng.sample(EN_HEADINGS, 5)
        sep = "" if lang == "zh" else " "
        summary = sep.join(self._sentences(lang, 3)).replace("**", "")
        lede = sep.join(self._sentences(lang, 2)).replace("**", "")
        # Cite most footnotes in the text (some only listed, like the seed's [^2]).
        cited = [c for c in range(1, nfoot + 1) if c == 1 or rng.random() < 0.8]
        slots = 1 + 5 * 3
        placement: dict[int, list[int]] = {}
        for c in cited:
            placement.setdefault(rng.randrange(slots), []).append(c)
        intro = self._paragraph(lang, placement.get(0, []))
        sections = []
        for s, heading in enumerate(headings):
            nparas = rng.choice([2, 2, 3, 3])
            paras = [self._paragraph(lang, placement.get(1 + s * 3 + p, [])) for p in range(nparas)]
            # footnotes placed in a paragraph slot that this section lacks
            for p in range(nparas, 3):
                for c in placement.get(1 + s * 3 + p, []):
                    paras[-1] += f"[^{c}]"
            sections.append(Section(heading, paras))
        image = ""
        if rng.random() < 0.7:
            image = f"/newsimages/image-{rng.randrange(IMAGES):02d}.png"
        return Article(
            index=i, lang=lang, docname=docname, title=title, date=date, draft=draft,
            image=image, summary=summary,
            tags=tag_zipf.sample(rng.randint(3, 8)),
            topics=topic_zipf.sample(rng.choice([1, 2, 2, 3])),
            authors=rng.sample(AUTHORS, rng.choice([1, 1, 2])),
            lede=lede, intro=intro, sections=sections, footnotes=footnotes,
        )

    # -- choosing what the incremental scenarios edit -------------------------

    def published(self) -> list[Article]:
        return [a for a in self.articles if not a.draft]

    def body_edit_target(self) -> Article:
        pub = self.published()
        return pub[len(pub) // 2]

    def tags_edit_target(self) -> Article:
        pub = self.published()
        return pub[len(pub) // 3]


IMAGES = 12


def edit_body(article: Article) -> None:
    """Add a sentence to the middle section: the page text changes, nothing else."""
    if article.lang == "zh":
        article.extra.append("（本文于发布后更新，补充了一处数据说明。）")
    else:
        article.extra.append("(This article was updated after publication to clarify a figure.)")


def edit_tags(article: Article) -> tuple[list[str], list[str]]:
    """Replace the article's last popular tag with a mid-frequency tag it lacks."""
    old = list(article.tags)
    last = max(i for i, t in enumerate(article.tags) if t in TAGS)
    for candidate in TAGS[len(TAGS) // 3:] + TAGS:
        if candidate not in article.tags:
            article.tags[last] = candidate
            break
    return old, list(article.tags)


# ---------------------------------------------------------------------------
# Rendering


def _yaml_str(s: str) -> str:
    if any(ch in s for ch in ':#"\'[]{},&*!|>%@`') or s != s.strip():
        return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s


def render(article: Article, flavour: str) -> str:
    a = article
    refs_title = "引用" if a.lang == "zh" else "References"
    fm: list[str] = ["---"]
    if flavour == "hugo":
        fm += [
            f"title: {_yaml_str(a.title)}",
            f"date: {a.date.isoformat()}",
            f"draft: {'true' if a.draft else 'false'}",
        ]
        if a.image:
            fm.append(f'featured_image: "{a.image}"')
        fm.append(f"summary: {_yaml_str(a.summary)}")
        fm.append("tags:")
        fm += [f"  - {_yaml_str(t)}" for t in a.tags]
        fm.append("main_topics:")
        fm += [f"  - {_yaml_str(t)}" for t in a.topics]
        fm.append("authors:")
        fm += [f"  - {_yaml_str(t)}" for t in a.authors]
        if a.draft:
            fm.append("orphan: true")
    elif flavour == "ablog":
        fm.append("blogpost: true")
        if not a.draft:  # ABlog's drafts are posts without a date
            fm.append(f"date: {a.date.replace(tzinfo=None).strftime('%Y-%m-%d %H:%M')}")
        fm.append(f"tags: {_yaml_str(', '.join(a.tags))}")
        fm.append(f"category: {_yaml_str(', '.join(a.topics))}")
        fm.append(f"author: {_yaml_str(', '.join(a.authors))}")
        if a.draft:
            fm.append("orphan: true")
    else:
        raise ValueError(flavour)
    fm.append("---")
    body: list[str] = ["\n".join(fm), ""]
    if flavour == "ablog":
        body += [f"# {a.title}", ""]
    body += [f"> {a.lede}", "", a.intro, ""]
    sep = "" if a.lang == "zh" else " "
    for s, sec in enumerate(a.sections):
        body += [f"### {sec.heading}", ""]
        for p, para in enumerate(sec.paragraphs):
            if s == 2 and p == 0 and a.extra:
                para = para + sep + sep.join(a.extra)
            body += [para, ""]
    body += [f"## {refs_title}"]
    body += [f"[^{k}]: {text}" for k, text in enumerate(a.footnotes, start=1)]
    return "\n".join(body) + "\n"


def tiny_png(rgb: tuple[int, int, int], w: int = 64, h: int = 36) -> bytes:
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))

    def chunk(kind: bytes, data: bytes) -> bytes:
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def write_corpus(corpus: Corpus, srcdir: Path, flavour: str) -> None:
    """Write every article (and the shared images) into ``srcdir``."""
    for folder in ("articles", "drafts", "newsimages"):
        (srcdir / folder).mkdir(parents=True, exist_ok=True)
    for k in range(IMAGES):
        rgb = ((k * 53) % 256, (k * 97) % 256, (k * 151) % 256)
        (srcdir / "newsimages" / f"image-{k:02d}.png").write_bytes(tiny_png(rgb))
    for a in corpus.articles:
        write_article(a, srcdir, flavour)


def write_article(article: Article, srcdir: Path, flavour: str) -> None:
    (srcdir / f"{article.docname}.md").write_text(render(article, flavour), encoding="utf-8")


def stats(corpus: Corpus) -> dict:
    """Facts about the corpus, for the report."""
    from collections import Counter

    pub = corpus.published()
    tags = Counter(t for a in pub for t in a.tags)
    topics = Counter(t for a in pub for t in a.topics)
    zh = [len(render(a, "hugo")) for a in corpus.articles if a.lang == "zh"]
    en = [len(render(a, "hugo").split()) for a in corpus.articles if a.lang == "en"]
    return {
        "articles": corpus.n,
        "drafts": corpus.n - len(pub),
        "zh_articles": len(zh),
        "en_articles": len(en),
        "zh_mean_chars": round(sum(zh) / len(zh)) if zh else 0,
        "en_mean_words": round(sum(en) / len(en)) if en else 0,
        "tags": len(tags),
        "topics": len(topics),
        "top_tag_articles": tags.most_common(1)[0][1] if tags else 0,
        "median_tag_articles": sorted(tags.values())[len(tags) // 2] if tags else 0,
        "rare_tags": len(corpus.rare_tags),
        "tags_on_5_or_fewer": sum(1 for c in tags.values() if c <= 5),
        "tags_on_10pct_or_more": sum(1 for c in tags.values() if c >= len(pub) / 10),
        "source_pool": len(corpus.sources),
        "footnotes": sum(len(a.footnotes) for a in pub),
    }
