package brand

import (
	"slices"

	"github.com/jxgreen/jxgreen/brand/source"
)

// cite is source.Cite, for the package's data.
var cite = source.Cite

// JiangxiGreenEcology returns the 江西绿色生态 regional public brand as its
// policy documents and the public reports of the register (package
// [github.com/jxgreen/jxgreen/brand/source]) describe it. Each call returns a
// fresh copy: changing it changes nothing for other callers.
func JiangxiGreenEcology() Brand { return jiangxiGreenEcology.Clone() }

var jiangxiGreenEcology = Brand{
	ID:          JiangxiGreen,
	Name:        "江西绿色生态",
	EnglishName: "Jiangxi Green Ecology",
	Region:      "360000", // GB/T 2260: 江西省
	Owner:       "江西省市场监督管理局",
	// "标准+认证"模式，运用联盟认证的方法，按照企业自愿原则进行认证
	// (《“江西绿色生态”品牌建设知识问答（2022版）》 三).
	Model:      Certification,
	Attributes: Core(),
	Governance: []Organisation{
		{Owner, "江西省市场监督管理局", "牵头打造“江西绿色生态”区域公共品牌", cite(source.BrandQA2022, "一")},
		{StandardEvaluator, "江西省质量和标准化研究院（江西省标准技术审评中心）",
			"在江西省市场监督管理局领导下负责“江西绿色生态”标准评价确认工作", cite(source.BrandQA2022, "八")},
		{StandardPublisher, "江西省质量和标准化研究院",
			"会同江西绿色生态品牌建设促进会等机构发布团体标准", cite(source.BrandQA2022, "九(四)")},
		{StandardPublisher, "江西绿色生态品牌建设促进会",
			"与省质量和标准化研究院共同发布团体标准；发布 T/JGE 团体标准", source.Join(
				cite(source.BrandQA2022, "九(四)"), cite(source.CQN20230428, ""))},
		{Promoter, "江西绿色生态品牌建设促进会",
			"社会团体，省质量和标准化研究院牵头筹建，11家共同发起单位；开展理论研究、标准制定与宣贯、认证与监督、品牌培育与保护、宣传推广", cite(source.BrandQA2022, "四")},
		{Certifier, "“江西绿色生态”国际认证联盟",
			"国内外认证机构组建的自愿性合作组织，接受国家认证认可监督管理部门和省市场监管局指导，组织实施“江西绿色生态”认证", cite(source.BrandQA2022, "五")},
		{Supervisor, "县级市场监管等职能部门",
			"以“双随机、一公开”方式监督抽查标准执行和证书标志使用", cite(source.XunwuPilotPlan, "五(一)")},
	},
	Facts: []Fact{
		{"模式：“标准+认证”，联盟认证，企业自愿", cite(source.BrandQA2022, "三")},
		{"机制：“企业申请+第三方评价+政府监管+社会认同”", cite(source.GanBiao2021No1, "二(三)")},
		{"理念：“生态协同、环境保护、资源节约、质量引领”", cite(source.GanBiao2021No1, "三(二)")},
		{"属性：资源节约、环境保护、生态协调、质量领先", cite(source.BrandQA2022, "七")},
		{"标准体系：《“江西绿色生态”品牌评价通用要求》（DB36/T 1138）与系列地方标准、团体标准、企业标准；DB36/T 1138 的年份和指标未公开",
			source.Join(cite(source.GanBiao2021No1, "三(二)"), cite(source.BrandQA2022, "七"))},
		{"《“江西绿色生态”标志管理办法》（江西省市场监督管理局，2021年，6章26条）：评价标准由《“江西绿色生态”品牌评价通用要求》及认证技术标准组成；通过评价确认的认证技术标准可在标准名称前冠以“江西绿色生态”，在标准文本特定位置印刷标志",
			cite(source.ChinaNews20210802, "")},
		{"认证实施规则由认证联盟组织制定，经联盟秘书处确认后由实施认证的联盟成员报国家认监委备案；规则应对认证程序、认证依据、现场审查、后续监督作出规定",
			source.Join(cite(source.ChinaNews20210802, ""), cite(source.ChinaNews20211014, ""))},
		{"截至2022年5月：省级地方标准2项、团体标准25项", cite(source.BrandQA2022, "七")},
		{"截至2022年7月：认证证书62张", cite(source.BrandQA2022, "十一")},
		{"DB36/T 1490-2021、DB36/T 1491-2021：符合要求的农民专业合作社、家庭农场可获“江西绿色生态”称号，品牌也覆盖组织而不只是产品",
			cite(source.CQN20211228, "")},
		{"团体标准编号 T/JGE NNNN-YYYY；2025年2月促进会一次发布27项品牌认证技术标准，编号至少已到 T/JGE 0138-2024",
			source.Join(cite(source.Ganzhou20250225, ""), cite(source.TJGE01382024, ""))},
		{"产品标准适用于“自我评价和第三方认证”；多数设“品牌互认”一章，但并非全部（T/JGE 0138-2024 无此章），其条文未公开",
			source.Join(cite(source.TJGE00662023, "范围"), cite(source.TJGE00732023, "范围"), cite(source.TJGE01382024, ""))},
		{"团体标准项目：计划下达后6个月内提交送审稿，1年内完成", cite(source.GanLvPinCu2023No10, "")},
		{"品牌试点：靖安、上犹、资溪等17个县（市、区）", cite(source.PressConference20211014, "")},
		{"国家技术标准创新基地（江西绿色生态）2017年获批筹建，设23个行业中心；《江西省标准化条例》2020年7月通过", cite(source.ConsumerNews20210702, "")},
		{"省内市级区域公用品牌评价标准，如 DB3602/T 0001-2022《“景德镇制”陶瓷品牌评价通用要求》、DB3610/T 1-2021《“赣抚农品”建设和管理 通用要求》，是与“江西绿色生态”同线同标同质的对象",
			source.Join(cite(source.GanBiao2021No1, "三(六)"), cite(source.DB3602T00012022, ""), cite(source.DB3610T12021, ""))},
		{"《江西省标准化条例》设“江西绿色生态”标准特别规定专章", source.Join(
			cite(source.PressConference20211014, ""), cite(source.ChinaNews20211014, ""))},
		{"侵权：依法打击伪造、变造、买卖评价标识；侵权信息纳入省公共信用信息平台，在“信用中国（江西）”发布", cite(source.GanBiao2021No1, "三(五)")},
		{"互认：探索与“上海品牌”“江苏精品”“品字标”“圳品”互认；与“赣出精品”“赣鄱正品”“江西好礼”标准互信互认，同线同标同质", cite(source.GanBiao2021No1, "三(六)")},
	},
	Source: source.Join(cite(source.GanBiao2021No1, ""), cite(source.BrandQA2022, "")),
}

// Principles returns the principles of mutual recognition as the policy
// documents state them. Recognition agreements in package recognition are
// built from these. The slice is a copy.
func Principles() []Fact { return slices.Clone(principles) }

var principles = []Fact{
	{"同线同标同质：各地区域公用品牌评价规范（标准）与“江西绿色生态”标准同线同标同质", cite(source.GanBiao2021No1, "三(六)")},
	{"标准互信互认：推进“江西绿色生态”与“赣出精品”“赣鄱正品”“江西好礼”等产品或服务标准互信互认", source.Join(
		cite(source.GanBiao2021No1, "三(六)"), cite(source.GanBiao2021No1, "重点任务清单 第22项"))},
	{"省际公用品牌互认：探索推动与“上海品牌”“江苏精品”“品字标”“圳品”等省际区域品牌的互认", cite(source.GanBiao2021No1, "三(六)")},
	{"一次认证，多张证书：区域认证联盟间互认认证结果", cite(source.SuZhengBanFa2022No21, "(十三)")},
}

// Arrangements returns the recognition arrangements that public reports
// describe, each with what it recognises. None of them is between
// 江西绿色生态 and a partner scheme, and none recognises a partner's
// certificate as a certificate of another scheme outright: they recognise
// eligibility for incentives, inspection and test results, an audit reused
// for a second mark, or they issue one joint certificate. The slice is a
// copy.
func Arrangements() []Fact {
	return []Fact{
		{"长三角（2019-08）：《长三角地区质量交流合作倡议书》；获评“江苏精品”的企业在上海投标可按“上海品牌”激励政策——互认对象：激励资格",
			cite(source.Xinhua20190831, "")},
		{"浙江制造：一次认证、一张证书、两个标志（2017年首张境外工厂证书，与BV合作），其后“一个标准、一次检测、一次认证、多国证书”——互认对象：审核与检测结果，由第二家机构以其标志复用",
			source.Join(cite(source.Xinhua20171022, ""), cite(source.ChinaNewsService20250510, ""))},
		{"长江中游三省（赣鄂湘）：2023-11-04 合作备忘录及认证协同等专项协议；检测检查“三省互认”；2025-08 区域协同地方标准——互认对象：检验检测结果与共同制定的标准",
			source.Join(cite(source.Changjiangyun20231106, ""), cite(source.HunanAMR20241129, ""), cite(source.CQB20250811, ""))},
		{"湾区认证（粤港澳）：内地与港澳机构联盟，一张证书满足三地要求——联合认证，而非双边互认",
			cite(source.NanfangBayAreaCert, "")},
		{"江苏：建立区域绿色认证联盟，推行“一次认证，多张证书”，推进认证结果互认互通和采信推广",
			cite(source.SuZhengBanFa2022No21, "(十三)")},
		{"寻乌：“江西绿色生态”认证与“圳品”评价并行申请，面向粤港澳大湾区市场——并行，不是互认",
			cite(source.XunwuPilotPlan, "附件2")},
	}
}
