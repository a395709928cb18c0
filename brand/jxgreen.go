package brand

// The sources named in this package's data.
const (
	Seed000 = "seed 000: 赣标〔2021〕1号《关于打造“江西绿色生态”区域公用品牌的意见》(2021-11-09)"
	Seed001 = "seed 001: “江西绿色生态”品牌建设知识问答（2022版）"
	Seed002 = "seed 002: “江西绿色生态”品牌建设新闻发布会 (2021-10-14)"
	Seed003 = "seed 003: 寻乌县“江西绿色生态”品牌试点县创建工作实施方案"
	Seed004 = "seed 004: 苏政办发〔2022〕21号 (Jiangsu green certification)"
)

// JiangxiGreenEcology is the 江西绿色生态 regional public brand as the seeds
// describe it. It is a package-level value for reading; use [Brand.Clone]
// before changing a copy.
var JiangxiGreenEcology = Brand{
	ID:          JiangxiGreen,
	Name:        "江西绿色生态",
	EnglishName: "Jiangxi Green Ecology",
	Region:      "360000", // GB/T 2260: 江西省
	Owner:       "江西省市场监督管理局",
	// "标准+认证"模式，运用联盟认证的方法，按照企业自愿原则进行认证 (seed 001).
	Model:      Certification,
	Attributes: Core(),
	Governance: []Organisation{
		{Owner, "江西省市场监督管理局", "牵头打造“江西绿色生态”区域公共品牌", Seed001},
		{StandardEvaluator, "江西省质量和标准化研究院（江西省标准技术审评中心）",
			"在江西省市场监督管理局领导下负责“江西绿色生态”标准评价确认工作", Seed001},
		{StandardPublisher, "江西省质量和标准化研究院",
			"会同江西绿色生态品牌建设促进会等机构发布团体标准", Seed001},
		{StandardPublisher, "江西绿色生态品牌建设促进会",
			"与省质量和标准化研究院共同发布团体标准", Seed001},
		{Promoter, "江西绿色生态品牌建设促进会",
			"社会团体，省质量和标准化研究院牵头筹建，11家共同发起单位；开展理论研究、标准制定与宣贯、认证与监督、品牌培育与保护、宣传推广", Seed001},
		{Certifier, "“江西绿色生态”国际认证联盟",
			"国内外认证机构组建的自愿性合作组织，接受国家认证认可监督管理部门和省市场监管局指导，组织实施“江西绿色生态”认证", Seed001},
		{Supervisor, "县级市场监管等职能部门",
			"以“双随机、一公开”方式监督抽查标准执行和证书标志使用", Seed003},
	},
	Facts: []Fact{
		{"模式：“标准+认证”，联盟认证，企业自愿", Seed001},
		{"机制：“企业申请+第三方评价+政府监管+社会认同”", Seed000},
		{"理念：“生态协同、环境保护、资源节约、质量引领”", Seed000},
		{"属性：资源节约、环境保护、生态协调、质量领先", Seed001},
		{"标准体系：《“江西绿色生态”品牌评价通用要求》（DB36/T 1138）与系列地方标准、团体标准、企业标准", Seed000},
		{"截至2022年5月：省级地方标准2项、团体标准25项", Seed001},
		{"截至2022年7月：认证证书62张", Seed001},
		{"品牌试点：靖安、上犹、资溪等17个县（市、区）", Seed002},
		{"《江西省标准化条例》设“江西绿色生态”标准特别规定专章", Seed002},
		{"侵权：依法打击伪造、变造、买卖评价标识；侵权信息纳入省公共信用信息平台，在“信用中国（江西）”发布", Seed000},
		{"互认：探索与“上海品牌”“江苏精品”“品字标”“圳品”互认；与“赣出精品”“赣鄱正品”“江西好礼”标准互信互认，同线同标同质", Seed000},
	},
	Source: Seed001,
}

// Principles of mutual recognition as the seeds state them. Recognition
// agreements in package recognition are built from these.
var Principles = []Fact{
	{"同线同标同质：各地区域公用品牌评价规范（标准）与“江西绿色生态”标准同线同标同质", Seed000},
	{"标准互信互认：推进“江西绿色生态”与“赣出精品”“赣鄱正品”“江西好礼”等产品或服务标准互信互认", Seed000},
	{"省际公用品牌互认：探索推动与“上海品牌”“江苏精品”“品字标”“圳品”等省际区域品牌的互认", Seed000},
	{"一次认证，多张证书：区域认证联盟间互认认证结果", Seed004},
}
