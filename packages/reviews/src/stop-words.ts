/**
 * Words too common to be a topic. Written here rather than taken from a list
 * package: the general lists (stopwords-iso has 1,298 English words) hold
 * "small", "large", "fit", "value" and "quality", which are exactly what
 * shoppers filter reviews by; these lists hold function words and the few
 * words every review uses ("product", "really", 东西, 感觉).
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren't as at be because been before being below between
both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each even ever every few
for from further get gets got had hadn't has hasn't have haven't having he her here hers herself him himself his how i
i'm i've if in into is isn't it it's its itself just let's like lot lots many me more most much must my myself no nor
not now of off on once one only or other ought our ours ourselves out over own really same she should shouldn't so some
still such than that that's the their theirs them themselves then there there's these they they're this those through
to too under until up upon us very was wasn't we we're were weren't what when where which while who whom why will with
won't would wouldn't yet you you're your yours yourself yourselves item items product products thing things bought buy
order ordered review reviews star stars well way time times made make makes use used using`.split(/\s+/),
);

/** Chinese words of two or more characters (single characters are never topics). */
export const CHINESE_STOP_WORDS: ReadonlySet<string> = new Set(
  `一个 一些 一下 一点 一直 一样 一般 不是 不过 不会 不能 东西 为了 为什么 之后 也是 了吧 什么 今天 他们 以后 以前 但是 你们 使用
便是 其实 其他 再次 别人 到了 可以 可能 各位 哈哈 因为 如果 就是 已经 平时 应该 我们 所以 所有 才能 接着 收到 时候 是不是
有点 有些 朋友 本来 没有 然后 现在 而且 自己 虽然 觉得 言语 这个 这些 这样 这种 那个 那些 那么 还是 还有 部分 非常 感觉
比较 真的 特别 之前 一次 两个 还会 买了 购买 下次 商品 产品 宝贝 卖家 店家 评价 好评 差评 值得 推荐 很多 很好 不错 挺好
怎么 这么 那样 总之 而且 或者 并且 只是 只有 然而 于是 一定 肯定 几乎 大家 您的 我的 你的 他的 她的 它们 她们`.split(/\s+/),
);
