/** The console's two languages: Chinese by default, English on the switch (remembered). */
import { createI18n } from "vue-i18n"

const zh = {
  app: "睦邻 · 县域治理控制台", language: "English", signIn: "登录", signOut: "退出", token: "令牌", demoPeople: "演示人员",
  signInHint: "以演示县（兖州区）的人员登录，每人只能看到自己辖区内的数据。", publicPages: "居民公开页",
  nav: { grid: "网格", wishes: "心愿与需求", mediation: "调解", deliberation: "议事", points: "积分", dashboard: "指标看板", inbox: "通知与任务" },
  grid: { tree: "网格树", coverage: "覆盖情况", units: "单元", fully: "全覆盖", noLeader: "缺楼栋长", noMember: "缺党员", noOrg: "缺党组织", gaps: "缺口", households: "住户", code: "户号", residents: "成员", masked: "已脱敏", servers: "服务人员", who: "谁在服务", none: "无" },
  wishes: { board: "认领墙", title: "标题", category: "类别", urgency: "紧急程度", state: "状态", due: "截止", claim: "认领", claimed: "已认领", needs: "本辖区需求", ranking: "推荐排序", dispatch: "智能派单", dispatched: "派单完成：{n} 项", candidate: "候选人", score: "得分", why: "理由", proximity: "距离", empty: "暂无" },
  states: { reported: "已登记", accepted: "已受理", declined: "不予受理", hearing: "听取诉求", deliberation: "议事中", agreed: "达成协议", no_agreement: "未达成协议", escalated: "已上报", resolved: "已化解", disclosed: "已公开", rated: "已评价", closed: "已结案", withdrawn: "已撤回" },
  mediation: { cases: "调解案件", overdue: "超期督办", steps: "一听三议三公开", state: "状态", due: "期限", level: "层级", open: "打开", round: "记录议事轮次", roundKind: "轮次", proposal: "提议", joint: "联议", decision: "决议", outcome: "结果", participants: "参与方", save: "保存", saved: "已保存", detail: "案件详情", title: "事项" },
  deliberation: { sessions: "议事会", items: "议题", state: "状态", progress: "进度", rating: "评价", rate: "评分", rated: "已评价", score: "分数", date: "日期" },
  points: { catalog: "服务目录", statement: "积分明细", balance: "余额", redeem: "核销取货码", holdId: "订单号", code: "取货码", transfer: "流水号", redeemed: "核销成功", account: "账户", price: "积分", amount: "数额", at: "时间" },
  dashboard: { work: "工作台账", mediation: "调解指标", activities: "活动与人次", response: "响应率", resolution: "解决率", satisfaction: "满意率", byCategory: "按类别" },
  inbox: { notifications: "我的通知", jobs: "定时任务", job: "任务", last: "上次运行", status: "状态", read: "标为已读" },
  pub: { board: "晾晒台", wishes: "微心愿", mediation: "调解公开", rateHint: "登录后可现场评分", ratings: "评价" },
  error: "出错了"
}

const en: typeof zh = {
  app: "Mulin · County console", language: "中文", signIn: "Sign in", signOut: "Sign out", token: "Token", demoPeople: "Demo people",
  signInHint: "Sign in as a person of the demo county (Yanzhou); each sees only their own subtree.", publicPages: "Public pages",
  nav: { grid: "Grid", wishes: "Wishes & needs", mediation: "Mediation", deliberation: "Deliberation", points: "Points", dashboard: "Dashboard", inbox: "Notifications & jobs" },
  grid: { tree: "Grid tree", coverage: "Coverage", units: "Units", fully: "Fully covered", noLeader: "No building leader", noMember: "No party member", noOrg: "No party organisation", gaps: "Gaps", households: "Households", code: "Code", residents: "Residents", masked: "masked", servers: "Who serves", who: "Who serves", none: "none" },
  wishes: { board: "Claim board", title: "Title", category: "Category", urgency: "Urgency", state: "State", due: "Due", claim: "Claim", claimed: "Claimed", needs: "Needs here", ranking: "Ranking", dispatch: "Dispatch", dispatched: "Dispatched: {n}", candidate: "Candidate", score: "Score", why: "Why", proximity: "Proximity", empty: "None" },
  states: { reported: "reported", accepted: "accepted", declined: "declined", hearing: "hearing", deliberation: "deliberation", agreed: "agreed", no_agreement: "no agreement", escalated: "escalated", resolved: "resolved", disclosed: "disclosed", rated: "rated", closed: "closed", withdrawn: "withdrawn" },
  mediation: { cases: "Mediation cases", overdue: "Overdue (supervision)", steps: "Listen, three deliberations, three disclosures", state: "State", due: "Due", level: "Level", open: "Open", round: "Record a round", roundKind: "Round", proposal: "Proposal", joint: "Joint", decision: "Decision", outcome: "Outcome", participants: "Participants", save: "Save", saved: "Saved", detail: "Case", title: "Matter" },
  deliberation: { sessions: "Sessions", items: "Items", state: "State", progress: "Progress", rating: "Rating", rate: "Rate", rated: "Rated", score: "Score", date: "Date" },
  points: { catalog: "Service catalog", statement: "Statement", balance: "Balance", redeem: "Redeem a pickup code", holdId: "Order", code: "Pickup code", transfer: "Transfer id", redeemed: "Redeemed", account: "Account", price: "Points", amount: "Amount", at: "At" },
  dashboard: { work: "Ledger of work", mediation: "Mediation", activities: "Activities and person-times", response: "Response rate", resolution: "Resolution rate", satisfaction: "Satisfaction", byCategory: "By category" },
  inbox: { notifications: "My notifications", jobs: "Scheduled jobs", job: "Job", last: "Last run", status: "Status", read: "Mark read" },
  pub: { board: "Progress board", wishes: "Wishes", mediation: "Mediation disclosures", rateHint: "Sign in to rate", ratings: "Ratings" },
  error: "Something went wrong"
}

export const i18n = createI18n({
  legacy: false,
  locale: localStorage.getItem("mulin.locale") ?? "zh",
  fallbackLocale: "zh",
  messages: { zh, en }
})

/** Switches between Chinese and English, and remembers the choice. */
export const toggleLocale = () => {
  const next = i18n.global.locale.value === "zh" ? "en" : "zh"
  i18n.global.locale.value = next
  localStorage.setItem("mulin.locale", next)
  document.documentElement.lang = next === "zh" ? "zh-CN" : "en"
}
