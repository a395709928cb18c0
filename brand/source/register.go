package source

// The documents of the register, one constant per document. Each comment
// gives the citation the module's Source fields use, the document's title,
// its issuer and its date; [Lookup] gives the rest.
const (
	// GanBiao2021No1 is 赣标〔2021〕1号 《关于打造“江西绿色生态”区域公用品牌的意见》,
	// 江西省标准化战略领导小组, 2021-11-09: the policy the brand rests on.
	GanBiao2021No1 ID = "ganbiao-2021-1"
	// BrandQA2022 is 《“江西绿色生态”品牌建设知识问答（2022版）》, 2022: the
	// brand, its standards, certification, mark, alliance and the list of
	// 30 standards as of 2022-08.
	BrandQA2022 ID = "jxgreen-qa-2022"
	// PressConference20211014 is the “江西绿色生态”品牌建设新闻发布会 of
	// 江西省政府新闻办 and 省市场监管局, 2021-10-14.
	PressConference20211014 ID = "jiangxi-press-2021-10-14"
	// XunwuPilotPlan is 《寻乌县“江西绿色生态”品牌试点县创建工作实施方案》
	// (undated; its steps run from 2022-10 to 2023-10).
	XunwuPilotPlan ID = "xunwu-pilot-plan"
	// SuZhengBanFa2022No21 is 苏政办发〔2022〕21号, 江苏省人民政府办公厅,
	// 2022-03-19: green certification in Jiangsu, 一次认证，多张证书.
	SuZhengBanFa2022No21 ID = "suzhengbanfa-2022-21"

	// ChinaNews20210802 is 中新网 2021-08-02 《“江西绿色生态”标志管理办法发布
	// 提升生态产品品牌价值》: the mark rules of 江西省市场监督管理局 in summary.
	ChinaNews20210802 ID = "chinanews-2021-08-02"
	// ChinaNews20211014 is 中新网 2021-10-14 《江西打造建设“江西绿色生态”品牌
	// 助力地方经济发展》: what certification rules must cover.
	ChinaNews20211014 ID = "chinanews-2021-10-14"
	// CQN20211228 is 中国质量新闻网 2021-12-28 on DB36/T 1490-2021 and
	// DB36/T 1491-2021 (家庭农场, 农民专业合作社).
	CQN20211228 ID = "cqn-2021-12-28"
	// CQN20230428 is 中国质量新闻网 2023-04-28 《涉及茶叶水果 新一批“江西绿色生态”
	// 品牌认证技术标准发布》: T/JGE 0039-2023 to T/JGE 0042-2023.
	CQN20230428 ID = "cqn-2023-04-28"
	// Ganzhou20250225 is 赣州市人民政府网 2025-02-25: 27 more 江西绿色生态
	// standards published in one batch.
	Ganzhou20250225 ID = "ganzhou-2025-02-25"
	// ConsumerNews20210702 is 中国消费者报 2021-07-02 on the 国家技术标准创新基地
	// (江西绿色生态) and 《江西省标准化条例》.
	ConsumerNews20210702 ID = "consumer-news-2021-07-02"
	// DB3602T00012022 is DB3602/T 0001-2022 《“景德镇制”陶瓷品牌评价通用要求》, 2022:
	// a city brand that 赣标〔2021〕1号 asks to align with 江西绿色生态.
	DB3602T00012022 ID = "db3602-t-0001-2022"
	// DB3610T12021 is DB3610/T 1-2021 《“赣抚农品”建设和管理 通用要求》,
	// 2021-12-27: another such city brand.
	DB3610T12021 ID = "db3610-t-1-2021"
	// GanLvPinCu2023No10 is 赣绿品促会〔2023〕10号 《“江西绿色生态”标准管理办法(修订)》,
	// 江西绿色生态品牌建设促进会, 2023: deadlines of a group-standard project.
	GanLvPinCu2023No10 ID = "ganlvpincu-2023-10"

	// TJGE00232022 is T/JGE 0023-2022 《江西绿色生态 井冈蜜橘》,
	// 江西绿色生态品牌建设促进会, 2022-09-30.
	TJGE00232022 ID = "t-jge-0023-2022"
	// TJGE00512023 is T/JGE 0051-2023 《江西绿色生态 饮用菊花》,
	// 江西绿色生态品牌建设促进会, 2023-08-04.
	TJGE00512023 ID = "t-jge-0051-2023"
	// TJGE00662023 is T/JGE 0066-2023 《江西绿色生态 甲鱼》,
	// 江西绿色生态品牌建设促进会, 2023-10-14.
	TJGE00662023 ID = "t-jge-0066-2023"
	// TJGE00672023 is T/JGE 0067-2023 《江西绿色生态 黑木耳》,
	// 江西绿色生态品牌建设促进会, 2023-10-14.
	TJGE00672023 ID = "t-jge-0067-2023"
	// TJGE00732023 is T/JGE 0073-2023 《江西绿色生态 桑椹》,
	// 江西绿色生态品牌建设促进会, 2023-12-01.
	TJGE00732023 ID = "t-jge-0073-2023"
	// TJGE00812024 is T/JGE 0081-2024 《江西绿色生态 安福火腿》,
	// 江西绿色生态品牌建设促进会, 2024-02-07.
	TJGE00812024 ID = "t-jge-0081-2024"
	// TJGE01382024 is T/JGE 0138-2024 《江西绿色生态 冻干脐橙》,
	// 江西绿色生态品牌建设促进会, 2024-12-27.
	TJGE01382024 ID = "t-jge-0138-2024"
	// TJGE30172023 is T/JGE 3017-2023 《富硒柑橘类水果》,
	// 江西绿色生态品牌建设促进会, 2023-12-01: a T/JGE number that is not a
	// 江西绿色生态 standard.
	TJGE30172023 ID = "t-jge-3017-2023"
	// DB36T14902021 is DB36/T 1490-2021 《江西绿色生态 农民专业合作社》,
	// 江西省市场监督管理局, 2021-12-14.
	DB36T14902021 ID = "db36-t-1490-2021"
	// NYT8442017 is NY/T 844-2017 《绿色食品 温带水果》, 中华人民共和国农业部,
	// 2017: the base standard of T/JGE 0039-2023.
	NYT8442017 ID = "ny-t-844-2017"

	// SZSB20210915 is 深圳商报 2021-09-15 《深圳全市已评价通过了514个“圳品”》.
	SZSB20210915 ID = "szsb-2021-09-15"
	// Legal20230413 is 法治日报 2023-04-13 on 圳品: 1,135 products, lists
	// published by 深圳标准促进会.
	Legal20230413 ID = "legal-daily-2023-04-13"
	// SZNews20230630 is 深圳新闻网 2023-06-30: 1,235 圳品 by 2023-05.
	SZNews20230630 ID = "sznews-2023-06-30"
	// ShenzhenStandardCert20160527 is a 1zhengji.com page of 2016-05-27 on
	// the separate 深圳标准 certification.
	ShenzhenStandardCert20160527 ID = "1zhengji-2016-05-27"
	// CQN20200831 is 中国质量新闻网 2020-08-31 《江苏省发布“江苏精品”认证管理办法》.
	CQN20200831 ID = "cqn-2020-08-31"
	// Jiangsu2024List is a report of the 2024 list of 江苏精品 certified
	// firms: 194 firms, 196 products and services.
	Jiangsu2024List ID = "jiangsu-2024-list"
	// ZJQTS20141028 is 浙江省质量技术监督局 2014-10-28 《《“浙江制造”评价规范》
	// 地方标准正式批准发布》.
	ZJQTS20141028 ID = "zjqts-2014-10-28"
	// DB33T9442014 is DB33/T 944-2014 《“浙江制造”评价规范》, 2014.
	DB33T9442014 ID = "db33-t-944-2014"
	// ZhejiangMadeRules is the 浙江制造认证实施规则, numbered
	// ZJM-NNN-NNNN-YYYY (ZJM-002-4732-2016, ZJM-006-4481-2023, …).
	ZhejiangMadeRules ID = "zhejiang-made-rules"
	// ZhejiangMadeMarkUse is 《浙江制造认证证书和标志使用规范》: the use and
	// non-use of the 品字标 mark.
	ZhejiangMadeMarkUse ID = "zhejiang-made-mark-use"
	// Xinhua20171022 is 新华社 2017-10-22 on 浙江制造's first overseas
	// factory certificate: 一次认证、一张证书、两个标志.
	Xinhua20171022 ID = "xinhua-2017-10-22"
	// ChinaNewsService20250510 is 中新社 2025-05-10 on 浙江制造: 7,268
	// certificates, 14 alliance bodies.
	ChinaNewsService20250510 ID = "cns-2025-05-10"
	// Wenzhou20190807 is 温州市人民政府英文网 2019-08-07 on the 品字标
	// certification and self-declaration routes.
	Wenzhou20190807 ID = "wenzhou-2019-08-07"
	// HuShiJianGuiFan2020No15 is 沪市监规范〔2020〕15号 《关于加强“上海品牌”认证工作的指导意见》,
	// 上海市市场监督管理局, 2020-11-25.
	HuShiJianGuiFan2020No15 ID = "hushijianguifan-2020-15"
	// IntertekShanghaiBrand is Intertek's service page on 上海品牌
	// certification: DB31/T 1048-2020, the mode, a 3-year validity.
	IntertekShanghaiBrand ID = "intertek-sh-brand"
	// Ouce2023 is 欧测认证 2023 《欧测受邀参加2023年“上海品牌”认证政策宣贯会》.
	Ouce2023 ID = "ouce-2023"
	// IfengGanchu is 凤凰网江西's report of the first 赣出精品 press
	// conference (江西有声新闻发布厅第763期).
	IfengGanchu ID = "ifeng-ganchu-763"
	// CNR20210108 is 央广网 2021-01-08: 江西省农业农村厅 releases the
	// 赣鄱正品 brand image.
	CNR20210108 ID = "cnr-2021-01-08"
	// DB36T170412025 is DB36/T 1704.1-2025 《“赣鄱正品”品牌培育 第1部分：通用要求》,
	// 2025-08-27.
	DB36T170412025 ID = "db36-t-1704.1-2025"

	// Xinhua20190831 is 新华社 2019-08-31 on the 长三角 quality-cooperation
	// initiative: recognition of incentive eligibility.
	Xinhua20190831 ID = "xinhua-2019-08-31"
	// Changjiangyun20231106 is 长江云 2023-11-06 on the 长江中游三省 market
	// regulation memorandum (赣鄂湘) with its certification agreement.
	Changjiangyun20231106 ID = "changjiangyun-2023-11-06"
	// HunanAMR20241129 is 湖南省市场监督管理局 2024-11-29: ten agreements of
	// the three provinces, 检测检查“三省互认”.
	HunanAMR20241129 ID = "hunan-amr-2024-11-29"
	// CQB20250811 is 中国质量报 2025-08-11 on regional coordinated local
	// standards of the three provinces.
	CQB20250811 ID = "cqb-2025-08-11"
	// NanfangBayAreaCert is 南方日报's report on 湾区认证: one certificate for
	// the markets of Guangdong, Hong Kong and Macao.
	NanfangBayAreaCert ID = "nanfang-bay-area-cert"

	// UNTPDCC070 is UNTP DCC v0.7.0, the UN Transparency Protocol Digital
	// Conformity Credential data model, UN/CEFACT.
	UNTPDCC070 ID = "untp-dcc-0.7.0"
	// GB321002015 is GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》, 2015.
	GB321002015 ID = "gb-32100-2015"
	// CertificateMarkRules is 《认证证书和认证标志管理办法》: what a certificate
	// states; suspension, revocation and cancellation made public.
	CertificateMarkRules ID = "cert-mark-rules"
	// ISOIEC170672013 is ISO/IEC 17067:2013, the fundamentals of product
	// certification and its scheme types, ISO and IEC, 2013.
	ISOIEC170672013 ID = "iso-iec-17067-2013"
	// GBT2000022009 is GB/T 20000.2-2009 《标准化工作指南 第2部分：采用国际标准》, 2009:
	// the degrees IDT, MOD and NEQ.
	GBT2000022009 ID = "gb-t-20000.2-2009"
	// GBT112020 is GB/T 1.1-2020 《标准化工作导则 第1部分：标准化文件的结构和起草规则》, 2020.
	GBT112020 ID = "gb-t-1.1-2020"
	// GBT2260 is GB/T 2260 《中华人民共和国行政区划代码》: the division codes of
	// Brand.Region.
	GBT2260 ID = "gb-t-2260"

	// UAX38 is Unicode Standard Annex #38, the Unicode Han Database
	// (Unihan): the traditional and simplified variants of characters.
	UAX38 ID = "unicode-uax-38"
	// UnicodeCJKRadicals is the Unicode Standard's code chart of the CJK
	// Radicals Supplement (U+2E80–U+2EFF).
	UnicodeCJKRadicals ID = "unicode-cjk-radicals-supplement"
	// JoyoKanji2010 is Japan's 常用漢字表, Cabinet Notice No. 2 of 2010
	// (平成22年内閣告示第2号), 2010-11-30.
	JoyoKanji2010 ID = "joyo-kanji-2010"
)

var register = [...]Document{
	// The five policy documents the brand rests on.
	{
		ID: GanBiao2021No1, Kind: Policy, Ref: "赣标〔2021〕1号",
		Title: "关于打造“江西绿色生态”区域公用品牌的意见", Issuer: "江西省标准化战略领导小组",
		Number: "赣标〔2021〕1号", Date: "2021-11-09",
		About: "The opinion on building the 江西绿色生态 regional public brand, issued with the leading group's notice of 2021-11-09 " +
			"(printed by the office of 江西省市场监督管理局 on 2021-11-12; 此件主动公开). Cited by part: 二(三) the goal and the " +
			"mechanism 企业申请+第三方评价+政府监管+社会认同; 三(二) the standard system of 《“江西绿色生态”品牌评价通用要求》 and series " +
			"standards, the idea 生态协同、环境保护、资源节约、质量引领; 三(三) alliance certification; 三(五) protection of the brand " +
			"(forgery, alteration and sale of marks; 信用中国（江西）); 三(六) mutual recognition (上海品牌, 江苏精品, 品字标, 圳品; " +
			"赣出精品, 赣鄱正品, 江西好礼; 同线同标同质); 重点任务清单 the 29-item task list.",
	},
	{
		ID: BrandQA2022, Kind: Policy, Ref: "《“江西绿色生态”品牌建设知识问答（2022版）》",
		Title: "“江西绿色生态”品牌建设知识问答（2022版）", Date: "2022",
		About: "Questions and answers on the brand. The document names no issuer; its list of first certified enterprises is " +
			"headed 我市, so it is one city's edition. Cited by question: 一 the brand and its lead (省市场监管局); 三 the model " +
			"(标准+认证, 联盟认证, 企业自愿); 四 the 促进会; 五 the certification alliance, its chair and vice-chairs; 六 the mark on " +
			"labels and packaging; 七 what a 江西绿色生态 standard is (DB36/T 1138, four attributes, domestic advanced level), 2 " +
			"local and 25 group standards by 2022-05; 八 standard evaluation by 江西省质量和标准化研究院; 九 the group-standard " +
			"procedure; 十一 certification, 62 certificates by 2022-07; 附件1 the list of 30 published standards as of 2022-08 " +
			"(title, kind, publisher). DB36/T 1138's year and indicators are not given.",
	},
	{
		ID: PressConference20211014, Kind: Report, Ref: "“江西绿色生态”品牌建设新闻发布会（2021-10-14）",
		Title:  "“标准促进可持续发展共建更加美好的世界”“江西绿色生态”品牌建设新闻发布会",
		Issuer: "江西省政府新闻办、省市场监管局", Date: "2021-10-14",
		URL: "http://bbs.wenhuaxingye.com/archiver/showtopic-15928.aspx", Mirror: true,
		About: "The transcript of the press conference on World Standards Day 2021: 17 pilot counties (靖安, 上犹, 资溪, …), " +
			"the chapter of special provisions for 江西绿色生态 standards in 《江西省标准化条例》, the six lines of next work " +
			"(standard evaluation, domain standard systems, conversion of other standards, certification, promotion, supervision).",
	},
	{
		ID: XunwuPilotPlan, Kind: Policy, Ref: "《寻乌县“江西绿色生态”品牌试点县创建工作实施方案》",
		Title: "寻乌县“江西绿色生态”品牌试点县创建工作实施方案",
		About: "The plan of the pilot county 寻乌. It names no issuer and no date; its steps run from 2022-10 to 2023-10. " +
			"Cited by part: 二 the targets (2–5 standards made or converted, 5 or more products certified); 四 the steps and their " +
			"months; 五(一) 双随机、一公开 checks of standard use and of certificates and marks; 五(二) the rewards (50,000 yuan per " +
			"published standard, 20,000 yuan per first certification); 附件2 the task list (江西绿色生态 certification and 圳品 " +
			"evaluation for the Greater Bay Area).",
	},
	{
		ID: SuZhengBanFa2022No21, Kind: Policy, Ref: "苏政办发〔2022〕21号",
		Title:  "省政府办公厅转发省市场监管局等部门关于深入推进绿色认证促进绿色低碳循环发展意见的通知",
		Issuer: "江苏省人民政府办公厅", Number: "苏政办发〔2022〕21号", Date: "2022-03-19",
		About: "Jiangsu's notice forwarding the opinion on green certification (index number 014000319/2022-00184). Cited by " +
			"part: (十一) green certification and 江苏精品 certification; (十三) regional green-certification alliances, " +
			"一次认证，多张证书, mutual recognition of results.",
	},

	// 江西绿色生态: reports, rules and standards published since.
	{
		ID: ChinaNews20210802, Kind: Report, Ref: "中新网 2021-08-02",
		Title: "“江西绿色生态”标志管理办法发布 提升生态产品品牌价值", Issuer: "中国新闻网", Date: "2021-08-02",
		URL: "http://www.xuyiqiyan.cn/xwkd/qtmtbd/1513.html", Mirror: true,
		About: "Summary of 《“江西绿色生态”标志管理办法》 (江西省市场监督管理局, 2021, 6 chapters, 26 articles; its text is not " +
			"public): the evaluation basis is 《“江西绿色生态”品牌评价通用要求》 plus certification technical standards; a technical " +
			"standard confirmed by evaluation may put 江西绿色生态 before its title and print the mark at a set place in its text; " +
			"implementation rules are made by the alliance, confirmed by its secretariat and filed with CNCA by each member; " +
			"applicants apply voluntarily to an alliance member. Colours, proportions and variants of the mark are not given.",
	},
	{
		ID: ChinaNews20211014, Kind: Report, Ref: "中新网 2021-10-14",
		Title: "江西打造建设“江西绿色生态”品牌 助力地方经济发展", Issuer: "中国新闻网", Date: "2021-10-14",
		URL: "https://tanzhonghe.xny365.com/tanzhonghe/15821.html", Mirror: true,
		About: "Report of the 2021-10-14 press conference: certification is carried out by alliance members under the guidance " +
			"of SAMR and the provincial AMR; a certification rule must cover 认证程序、认证依据、现场审查、后续监督. No mode, " +
			"validity, surveillance interval or certificate-number format is public.",
	},
	{
		ID: CQN20211228, Kind: Report, Ref: "中国质量新闻网 2021-12-28",
		Title: "涉及家庭农场和农民专业合作社！“江西绿色生态”品牌又有新进展", Issuer: "中国质量新闻网", Date: "2021-12-28",
		URL: "https://ase-mz.com/www/zj/content/2021-12/28/content_8768864.htm", Mirror: true,
		About: "江西省市场监督管理局 published DB36/T 1490-2021 《江西绿色生态 农民专业合作社》 and DB36/T 1491-2021 《江西绿色生态 " +
			"家庭农场》, the first standards by which organisations (farms, cooperatives), not products, earn the 江西绿色生态 title.",
	},
	{
		ID: CQN20230428, Kind: Report, Ref: "中国质量新闻网 2023-04-28",
		Title: "涉及茶叶水果 新一批“江西绿色生态”品牌认证技术标准发布", Issuer: "中国质量新闻网", Date: "2023-04-28",
		URL: "https://jx.cri.cn/20230428/2288fa01-e3fe-cb7a-5a25-32435a32c55a.html", Mirror: true,
		About: "江西绿色生态品牌建设促进会 published 《江西绿色生态 金溪蜜梨》(T/JGE 0039-2023), 《江西绿色生态 家用学习桌椅》" +
			"(T/JGE 0040-2023), 《江西绿色生态 狗牯脑茶》(T/JGE 0041-2023) and 《江西绿色生态 资溪白茶》(T/JGE 0042-2023). 金溪蜜梨: " +
			"soluble solids ≥ 11.5 % against NY/T 844-2017 《绿色食品 温带水果》 ≥ 11.0 %; 家用学习桌椅: peel strength of hard " +
			"edge banding ≥ 1600 N/m against QB/T 4071-2021 《课桌椅》 ≥ 1500 N/m.",
	},
	{
		ID: Ganzhou20250225, Kind: Report, Ref: "赣州市人民政府网 2025-02-25",
		Title: "“江西绿色生态”标准体系又添新成员！赣州占16席，位居全省第一", Issuer: "赣州市市场监督管理局", Date: "2025-02-25",
		URL: "https://ganzhou.gov.cn/gzszf/c100024/202502/f412f18cda5c43f5a11287c0e6df92a0.shtml",
		About: "The 促进会 published 27 江西绿色生态 brand-certification technical standards in one batch, 16 led or joined by " +
			"赣州 (水性漆木家具, 会昌桔柚, 冻干脐橙, …); 赣州 has 43 in all. 水性漆木家具: film hardness ≥ HB against GB/T 23999-2009 ≥ B.",
	},
	{
		ID: ConsumerNews20210702, Kind: Report, Ref: "中国消费者报 2021-07-02",
		Issuer: "中国消费者报", Date: "2021-07-02",
		URL: "https://m.shzx.org/a/57-22697-0.html", Mirror: true,
		About: "Background of the brand: the 国家技术标准创新基地（江西绿色生态） was approved to be prepared in 2017, with 23 " +
			"行业中心; 《江西省标准化条例》 was passed in 2020-07.",
	},
	{
		ID: DB3602T00012022, Kind: Standard, Ref: "DB3602/T 0001-2022",
		Title: "“景德镇制”陶瓷品牌评价通用要求", Number: "DB3602/T 0001-2022", Date: "2022",
		URL: "https://m.wnwk.com/doc/2576573.html", Mirror: true,
		About: "The 景德镇 city standard of the “景德镇制” ceramics brand, with a chapter on evaluation certificates and marks: " +
			"one of the city brands whose evaluation standards 赣标〔2021〕1号 三(六) asks to bring in line with 江西绿色生态 " +
			"(同线同标同质).",
	},
	{
		ID: DB3610T12021, Kind: Standard, Ref: "DB3610/T 1-2021",
		Title: "“赣抚农品”建设和管理 通用要求", Number: "DB3610/T 1-2021", Date: "2021-12-27",
		URL: "https://www.11bz.com/a/201084.html", Mirror: true,
		About: "The 抚州 city standard of the “赣抚农品” brand, effective 2022-03-01: third-party evaluation authorised by " +
			"抚州市生态农业协会; 方圆标志认证集团 among the drafters. Another city brand to align with 江西绿色生态.",
	},
	{
		ID: GanLvPinCu2023No10, Kind: Policy, Ref: "赣绿品促会〔2023〕10号",
		Title: "“江西绿色生态”标准管理办法(修订)", Issuer: "江西绿色生态品牌建设促进会", Number: "赣绿品促会〔2023〕10号", Date: "2023",
		URL: "http://www.msflkhe.cn/info/sort/1/22479.html", Mirror: true,
		About: "The revised standard-management rules as a 2023 standard-plan notice cites them: the draft for review within " +
			"6 months of the plan, the project finished within 1 year.",
	},
	{
		ID: TJGE00232022, Kind: Standard, Ref: "T/JGE 0023-2022",
		Title: "江西绿色生态 井冈蜜橘", Issuer: "江西绿色生态品牌建设促进会", Number: "T/JGE 0023-2022", Date: "2022-09-30",
		URL: "https://isostandards.icu/isopdf/58316.html", Mirror: true,
		About: "Effective 2022-10-07. Its 引言 says that in the product evaluation indicator table (chapter 6), under the " +
			"质量引领 attribute, soluble solids ≥ 15 and the solids-to-acid ratio 30–35:1 are stricter than GB/T 12947-2008 " +
			"《鲜柑橘》 (优等果 ≥ 10.5, ≥ 11.6:1) and NY/T 426-2021 《绿色食品 柑橘类水果》 (宽皮柑橘类 ≥ 9.5, ≥ 9.5:1); it adds " +
			"vitamin C and vitamin B2 tests.",
	},
	{
		ID: TJGE00512023, Kind: Standard, Ref: "T/JGE 0051-2023",
		Title: "江西绿色生态 饮用菊花", Issuer: "江西绿色生态品牌建设促进会", Number: "T/JGE 0051-2023", Date: "2023-08-04",
		URL: "https://www.bzchaxun.com/view/7043136043000000.html", Mirror: true,
		About: "Listing of the standard: published 2023-08-04, effective 2023-09-04; chapters 基本要求, 评价指标要求, 品牌互认.",
	},
	{
		ID: TJGE00662023, Kind: Standard, Ref: "T/JGE 0066-2023",
		Title: "江西绿色生态 甲鱼", Issuer: "江西绿色生态品牌建设促进会", Number: "T/JGE 0066-2023", Date: "2023-10-14",
		URL: "https://www.bzchaxun.com/view/6101151050000000.html", Mirror: true,
		About: "Listing and first pages: effective 2023-10-21; chapters 范围, 规范性引用文件, 术语和定义, 评价要求, 品牌互认 (no " +
			"基本要求); for self-evaluation and third-party certification of turtle products.",
	},
	{
		ID: TJGE00672023, Kind: Standard, Ref: "T/JGE 0067-2023",
		Title: "江西绿色生态 黑木耳", Issuer: "江西绿色生态品牌建设促进会", Number: "T/JGE 0067-2023", Date: "2023-10-14",
		URL: "https://m.taowenge.com/p-96313508.html", Mirror: true,
		About: "Effective 2023-10-21; chapters 范围, 规范性引用文件, 术语和定义, 基本要求, 评价要求, 品牌互认. Its 引言 (指标水平说明): " +
			"contaminant limits on a dry basis of lead 0.5, cadmium 0.3, inorganic arsenic 0.3 and methylmercury 0.08 mg/kg, " +
			"stricter than GB 2762's 1.0, 0.5, 0.5 and 0.1 mg/kg; sensory and physico-chemical indicators as the 一级 grade " +
			"of GB/T 6192-2019 and LY/T 1207-2021.",
	},
	{
		ID: TJGE00732023, Kind: Standard, Ref: "T/JGE 0073-2023",
		Title: "江西绿色生态 桑椹", Issuer: "江西绿色生态品牌建设促进会", Number: "T/JGE 0073-2023", Date: "2023-12-01",
		URL: "https://yunbiaozhun.com/detail/1285267.html", Mirror: true,
		About: "Listing: effective 2023-12-08; covers 基本要求、评价指标和品牌互认; for self-evaluation and third-party certification.",
	},
	{
		ID: TJGE00812024, Kind: Standard, Ref: "T/JGE 0081-2024",
		Title: "江西绿色生态 安福火腿", Issuer: "江西绿色生态品牌建设促进会", Number: "T/JGE 0081-2024", Date: "2024-02-07",
		URL: "https://yunbiaozhun.com/detail/1316587.html", Mirror: true,
		About: "Listing: published 2024-02-07, effective 2024-02-14.",
	},
	{
		ID: TJGE01382024, Kind: Standard, Ref: "T/JGE 0138-2024",
		Title: "江西绿色生态 冻干脐橙", Issuer: "江西绿色生态品牌建设促进会", Number: "T/JGE 0138-2024", Date: "2024-12-27",
		URL: "https://docx.baby/p/20791717384389.html", Mirror: true,
		About: "Effective 2025-01-26. Lead ≤ 0.1 mg/kg against NY/T 435-2021 ≤ 0.2 mg/kg; no additives. It has no 品牌互认 chapter.",
	},
	{
		ID: TJGE30172023, Kind: Standard, Ref: "T/JGE 3017-2023",
		Title: "富硒柑橘类水果", Issuer: "江西绿色生态品牌建设促进会", Number: "T/JGE 3017-2023", Date: "2023-12-01",
		URL: "https://www.11bz.com/a/672424.html", Mirror: true,
		About: "Effective 2023-12-08; a number outside the 00NN run and a title without 江西绿色生态, for 评价或认证: a T/JGE " +
			"number alone does not make a standard a 江西绿色生态 brand standard.",
	},
	{
		ID: DB36T14902021, Kind: Standard, Ref: "DB36/T 1490-2021",
		Title: "江西绿色生态 农民专业合作社", Issuer: "江西省市场监督管理局", Number: "DB36/T 1490-2021", Date: "2021-12-14",
		URL: "https://www.bzchaxun.com/view/8117031013000000.html", Mirror: true,
		About: "Effective 2022-06-01, 归口 江西省农业农村厅; chapters 范围, 规范性引用文件, 术语和定义, 基本要求, 评价要求.",
	},
	{
		ID: NYT8442017, Kind: Standard, Ref: "NY/T 844-2017",
		Title: "绿色食品 温带水果", Issuer: "中华人民共和国农业部", Number: "NY/T 844-2017", Date: "2017",
		About: "The industry standard that T/JGE 0039-2023 builds on (soluble solids ≥ 11.0 % for pears, as the 2023-04-28 " +
			"report quotes it).",
	},

	// Partner schemes.
	{
		ID: SZSB20210915, Kind: Report, Ref: "深圳商报 2021-09-15",
		Title: "深圳全市已评价通过了514个“圳品”", Issuer: "深圳商报", Date: "2021-09-15",
		URL: "http://www.dspdw.com.cn/cp/20210915/82843.html", Mirror: true,
		About: "圳品 is Shenzhen's food 城市品牌, built on its food-safety strategy and the 供深食品标准体系; 514 圳品 evaluated " +
			"by 2021-09; 深圳市市场监督管理局 runs it.",
	},
	{
		ID: Legal20230413, Kind: Report, Ref: "法治日报 2023-04-13",
		Issuer: "法治日报", Date: "2023-04-13",
		URL: "http://hzweihu.com/zj/content/2023-04/13/content_8928332.htm", Mirror: true,
		About: "圳品 are food and edible farm products evaluated against the 供深食品标准体系 (2018): 1,135 from 26 provinces " +
			"and 489 bases by 2023-04; 深圳标准促进会 publishes the lists in batches.",
	},
	{
		ID: SZNews20230630, Kind: Report, Ref: "深圳新闻网 2023-06-30",
		Issuer: "深圳新闻网", Date: "2023-06-30",
		URL: "http://tiantiankuaibao.830036.com/qyqy/2023/0701/072023_47902.html", Mirror: true,
		About: "A visit of SAMR to a 圳品 restaurant (the stored copy shows no headline): by 2023-05 Shenzhen had evaluated " +
			"1,235 圳品 from 538 bases in 28 provinces; 深圳市市场监督管理局 and the 标促会 (深圳标准促进会) 圳品 team.",
	},
	{
		ID: ShenzhenStandardCert20160527, Kind: Page, Ref: "1zhengji.com 2016-05-27",
		Issuer: "1zhengji.com", Date: "2016-05-27", URL: "http://1zhengji.com/LOGO/city/360.html", Mirror: true,
		About: "Introduction of the 深圳标准 certification, separate from 圳品: its mark and certificate are valid 3 years and are " +
			"suspended or revoked on quality problems.",
	},
	{
		ID: CQN20200831, Kind: Report, Ref: "中国质量新闻网 2020-08-31",
		Title: "江苏省发布“江苏精品”认证管理办法", Issuer: "中国质量新闻网（江苏省市场监管局网站）", Date: "2020-08-31",
		URL: "http://www.91zxmr.com/zj/content/2020-08/31/content_8628676.htm", Mirror: true,
		About: "江苏省市场监督管理局 issued 《“江苏精品”认证管理办法》: 5 chapters, 22 articles, in force from 2020-09-20; 江苏精品 " +
			"certification is high-end voluntary certification by certification bodies in agriculture, industry, engineering and " +
			"services, on a unified evaluation basis and certification rules.",
	},
	{
		ID: Jiangsu2024List, Kind: Report, Ref: "2024年“江苏精品”认证获证企业名单报道",
		Date:   "2024",
		Issuer: "不详（一则苏州本地新闻的转载）",
		URL:    "http://www.dingqianjf.com/news/show/85aa7c7fb55b414f.html", Mirror: true,
		About: "The 2024 list of 江苏精品 certified firms: 194 firms with 196 products and services in the province, 43 of " +
			"them in 苏州. 江苏精品 certification is third-party certification of products and services that meet high " +
			"standards.",
	},
	{
		ID: ZJQTS20141028, Kind: Report, Ref: "浙江省质量技术监督局 2014-10-28",
		Title: "《“浙江制造”评价规范》地方标准正式批准发布", Issuer: "浙江省质量技术监督局", Date: "2014-10-28",
		URL:    "https://hangzhou.baogaosu.com/xinwen/%E6%B5%99%E6%B1%9F%E5%88%B6%E9%80%A0%E8%AF%84%E4%BB%B7%E8%A7%84%E8%8C%83%E5%9C%B0%E6%96%B9%E6%A0%87%E5%87%86%E6%AD%A3%E5%BC%8F/25656648",
		Mirror: true,
		About: "The local standard 《“浙江制造”评价规范》 (通用要求 and 管理要求) sets out 浙江制造's certification traits in four " +
			"respects: 品质卓越, 自主创新, 产业协同, 社会责任.",
	},
	{
		ID: DB33T9442014, Kind: Standard, Ref: "DB33/T 944-2014",
		Title: "“浙江制造”评价规范", Number: "DB33/T 944-2014", Date: "2014",
		URL: "http://www.jscjzszy.com/shownews.asp?id=30", Mirror: true,
		About: "The framework standard of 浙江制造, its number as a consultancy's page gives it: a 浙江制造 firm is headquartered " +
			"in Zhejiang and meets its 通用要求 and 管理要求; certification bodies of the 浙江制造认证联盟 audit on site, sample " +
			"products and carry out annual surveillance.",
	},
	{
		ID: ZhejiangMadeRules, Kind: Standard, Ref: "浙江制造认证实施规则",
		Issuer: "浙江制造国际认证联盟（早期文本署“浙江制造”认证联盟）",
		URL:    "https://www.guifanku.com/784777.html", Mirror: true,
		About: "The certification rules of 浙江制造, numbered ZJM-NNN-NNNN-YYYY: ZJM-002-4732-2016 (网络硬盘录像机, drafted by " +
			"SGS), ZJM-007-4653-2020, ZJM-013-3891-2023, ZJM-006-4481-2023, kept at guifanku.com (784777, 817901, 813639) and " +
			"360docs.net. Their outline: scope, basis, units and mode, application, product testing, 初始工厂审核, decision, " +
			"获证后监督 (time and frequency), 证书到期再认证, changes, 暂停、撤销、注销 (older texts write 撤消), extension, mark, " +
			"fees. The middle four digits are not an industry code; their meaning is not public.",
	},
	{
		ID: ZhejiangMadeMarkUse, Kind: Policy, Ref: "《浙江制造认证证书和标志使用规范》",
		Title: "浙江制造认证证书和标志使用规范",
		URL:   "https://m.qiqiwenku.com/doc/718551.html", Mirror: true,
		About: "An excerpt of the rules on 浙江制造 certificates and marks: when the first surveillance finds the mark unused, " +
			"a reminder and a plan of use within one month; still unused at the second surveillance, the certificate may be " +
			"suspended and the fact published; unused for three years, no recertification. Misuse includes an altered " +
			"certificate, use during suspension or after revocation, and transfer to others.",
	},
	{
		ID: Xinhua20171022, Kind: Report, Ref: "新华社 2017-10-22",
		Issuer: "新华社", Date: "2017-10-22",
		URL: "http://m.yinhu3.com/news/content/2017-10/23/content_3371706.htm", Mirror: true,
		About: "浙江制造's first overseas factory certificate (东海集团, Belgium, with BV): one audit gives the 品字标 and an " +
			"international body's mark, 一次认证、一张证书、两个标志. What is recognised is the audit and test result, re-used " +
			"by a second body under its own mark.",
	},
	{
		ID: ChinaNewsService20250510, Kind: Report, Ref: "中新社 2025-05-10",
		Issuer: "中国新闻社", Date: "2025-05-10",
		URL: "http://www.share.picotech.top/article/1532.html", Mirror: true,
		About: "浙江制造 by 2025-05: 7,268 certificates, 5,328 firms, 3,923 standards, 14 alliance bodies, 649 international " +
			"certificates; 一个标准、一次检测、一次认证、多国证书.",
	},
	{
		ID: Wenzhou20190807, Kind: Report, Ref: "温州市人民政府英文网 2019-08-07",
		Issuer: "温州市人民政府", Date: "2019-08-07",
		URL: "http://english.wenzhou.gov.cn/art/2019/8/7/art_1231275_36445546.html",
		About: "The 品字标 may be used after certification or after a self-declaration of conformity, the latter valid 12 " +
			"months; the names are published by 浙江省品牌建设联合会.",
	},
	{
		ID: HuShiJianGuiFan2020No15, Kind: Policy, Ref: "沪市监规范〔2020〕15号",
		Title: "关于加强“上海品牌”认证工作的指导意见", Issuer: "上海市市场监督管理局", Number: "沪市监规范〔2020〕15号", Date: "2020-11-25",
		URL: "http://service.shanghai.gov.cn/XingZhengWenDangKuJyh/XZGFDetails.aspx?docid=REPORT_NDOC_006810",
		About: "In force from 2021-01-01: 上海品牌 certification is voluntary high-end certification; its orientations are " +
			"品牌引领、品质卓越、自主创新、管理精细、社会责任.",
	},
	{
		ID: IntertekShanghaiBrand, Kind: Page, Ref: "Intertek 上海品牌认证服务页",
		Issuer: "Intertek 天祥集团",
		URL:    "https://www.intertek.com.cn/service/SH-Brand",
		About: "A member body's service page: basis DB31/T 1048-2020 《“上海品牌”认证通用要求》 and product group standards; " +
			"products by general-requirements evaluation + type test + initial factory inspection + surveillance; services by " +
			"combinations of nine modes A–I; certificates valid 3 years. DB31/T 1048-2017 《上海品牌评价通用要求》 is the earlier edition.",
	},
	{
		ID: Ouce2023, Kind: Report, Ref: "欧测认证 2023",
		Title: "欧测受邀参加2023年“上海品牌”认证政策宣贯会", Issuer: "欧测认证", Date: "2023",
		URL: "https://www.ouce.cn/new/653.html",
		About: "An alliance member's news of the 2023-09-06 policy meeting: 上海品牌国际认证联盟 is the platform of certification; " +
			"《上海市“上品”标志管理办法》; 专项检查 and 年度监督; the 上品 mark and its family (上海服务, 上海制造, 上海购物, " +
			"上海文化, 上海标准).",
	},
	{
		ID: IfengGanchu, Kind: Report, Ref: "凤凰网江西 首届“赣出精品”新闻发布会",
		Title:  "江西有声新闻发布厅第763期：省工信厅副厅长郑正春发布首届江西“赣出精品”新闻",
		Issuer: "凤凰网江西频道",
		URL:    "https://jx.ifeng.com/c/8BzxNwsKIKH",
		About: "The first 赣出精品 press conference, held on 12-16 (the stored copy gives no year) by 江西省政府新闻办, 省工信厅 " +
			"and 省市场监管局: 赣出精品 promotes quality brands of Jiangxi's manufacturing industry. Its criteria and validity " +
			"are not given.",
	},
	{
		ID: CNR20210108, Kind: Report, Ref: "央广网 2021-01-08",
		Issuer: "央广网", Date: "2021-01-08",
		URL: "http://www.cnr.cn/jx/2011jxfw/zfzx/20210108/t20210108_525386531.shtml",
		About: "At its press conference of 2021-01-07, 江西省农业农村厅 released 赣鄱正品 as the brand image and logo of Jiangxi's " +
			"agricultural products, aiming at 300 sub-brands by 2023.",
	},
	{
		ID: DB36T170412025, Kind: Standard, Ref: "DB36/T 1704.1-2025",
		Title: "“赣鄱正品”品牌培育 第1部分：通用要求", Number: "DB36/T 1704.1-2025", Date: "2025-08-27",
		URL: "https://www.998pdf.com/61972.html", Mirror: true,
		About: "Effective 2026-03-01; replaces DB36/T 1704.1-2022 and DB36/T 1704.3-2022. A brand-cultivation standard (品牌管理机构, " +
			"定位与规划, 培育对象, 品牌竞争力提升, 品牌管理与改进), not an evaluation standard of products.",
	},

	// Recognition arrangements that exist, and what each recognises.
	{
		ID: Xinhua20190831, Kind: Report, Ref: "新华社 2019-08-31",
		Issuer: "新华社", Date: "2019-08-31",
		URL: "http://xwzx.qqzyw.com/show-277827.html", Mirror: true,
		About: "长三角 (11 cities and 浦东): 《长三角地区质量交流合作倡议书》; a firm rated 江苏精品 bidding in Shanghai may enjoy " +
			"the 上海品牌 incentives. What is recognised is eligibility for incentives, not certificates or standards.",
	},
	{
		ID: Changjiangyun20231106, Kind: Report, Ref: "长江云 2023-11-06",
		Issuer: "长江云", Date: "2023-11-06",
		URL: "http://otuountil.com/post/48/168318", Mirror: true,
		About: "On 2023-11-04 the market regulators of Jiangxi, Hubei and Hunan signed 《长江中游三省市场监管协同发展合作备忘录》 " +
			"with special agreements, among them 认证协同.",
	},
	{
		ID: HunanAMR20241129, Kind: Report, Ref: "湖南省市场监督管理局 2024-11-29",
		Issuer: "湖南省市场监督管理局", Date: "2024-11-29",
		URL: "https://m.bainuoen.com/zhijian/center/415096.html", Mirror: true,
		About: "Ten agreements of the three provinces by 2024-11, with the practice of 检测检查“三省互认”: inspection and test " +
			"results are recognised.",
	},
	{
		ID: CQB20250811, Kind: Report, Ref: "中国质量报 2025-08-11",
		Issuer: "中国质量报", Date: "2025-08-11",
		URL:   "https://www.cqn.com.cn/zgzlb/content/2025-08/11/content_9118396.htm",
		About: "A joint opinion of the three provinces on regional coordinated local standards (unified 立项、编号、命名).",
	},
	{
		ID: NanfangBayAreaCert, Kind: Report, Ref: "南方日报 湾区认证",
		Issuer: "南方日报",
		URL:    "http://gxma40bee.a899.cn/html/81f499578.html", Mirror: true,
		About: "湾区认证: an alliance of mainland, Hong Kong and Macao bodies issues one certificate that meets the three " +
			"markets' rules (39 projects, 39 certificates). A joint scheme rather than bilateral recognition. The stored copy " +
			"gives no date.",
	},

	// General rules and specifications.
	{
		ID: UNTPDCC070, Kind: Specification, Ref: "UNTP DCC v0.7.0",
		Title:  "UN Transparency Protocol — Digital Conformity Credential, version 0.7.0",
		Issuer: "UN/CEFACT",
		URL:    "https://github.com/uncefact/tests-untp",
		About: "The data model of a Digital Conformity Credential as the v0.7.0 JSON Schemas vendored in uncefact/tests-untp " +
			"(packages/untp-utils/artefacts/schema/untp/0.7.0/dcc.json) define it: ConformityAttestation, assessorLevel, " +
			"assessmentLevel, attestationType, BitstringStatusListEntry (revocation, suspension), validUntil.",
	},
	{
		ID: GB321002015, Kind: Standard, Ref: "GB 32100-2015",
		Title: "法人和其他组织统一社会信用代码编码规则", Number: "GB 32100-2015", Date: "2015",
		About: "The 18-character unified social credit code: its alphabet (digits and capital letters without I, O, Z, S, V), " +
			"the weights of positions 1 to 17 and the check character modulo 31.",
	},
	{
		ID: CertificateMarkRules, Kind: Policy, Ref: "《认证证书和认证标志管理办法》",
		Title: "认证证书和认证标志管理办法",
		About: "The national rules on certificates and marks: what a product certificate states (art. 7 of the 2015 text: " +
			"applicant, product, standard, mode, number, body, dates); suspension, revocation and cancellation, made public.",
	},
	{
		ID: ISOIEC170672013, Kind: Standard, Ref: "ISO/IEC 17067:2013",
		Title:  "Conformity assessment — Fundamentals of product certification and guidelines for product certification schemes",
		Issuer: "ISO/IEC", Number: "ISO/IEC 17067:2013", Date: "2013",
		About: "The product-certification scheme types 1a, 1b, 2, 3, 4, 5 and 6 and what each includes (type testing, " +
			"factory assessment, surveillance by market or factory samples, management-system audits).",
	},
	{
		ID: GBT2000022009, Kind: Standard, Ref: "GB/T 20000.2-2009",
		Title: "标准化工作指南 第2部分：采用国际标准", Number: "GB/T 20000.2-2009", Date: "2009",
		About: "The degrees of correspondence IDT (identical), MOD (modified) and NEQ (not equivalent), in line with " +
			"ISO/IEC Guide 21-1:2005.",
	},
	{
		ID: GBT112020, Kind: Standard, Ref: "GB/T 1.1-2020",
		Title: "标准化工作导则 第1部分：标准化文件的结构和起草规则", Number: "GB/T 1.1-2020", Date: "2020",
		About: "The drafting rules every 江西绿色生态 standard must follow; 范围, 规范性引用文件 and 术语和定义 are required elements.",
	},
	{
		ID: GBT2260, Kind: Standard, Ref: "GB/T 2260",
		Title: "中华人民共和国行政区划代码", Number: "GB/T 2260",
		About: "The six-digit division codes of Brand.Region (360000 江西省, 440300 深圳市, …).",
	},

	// Character tables behind the look-alike check of the brand name.
	{
		ID: UAX38, Kind: Specification, Ref: "UAX #38",
		Title: "Unicode Standard Annex #38: Unicode Han Database (Unihan)", Issuer: "Unicode Consortium",
		Number: "UAX #38", URL: "https://www.unicode.org/reports/tr38/",
		About: "The Unihan fields kSimplifiedVariant and kTraditionalVariant pair traditional characters with their " +
			"simplified forms (綠 U+7DA0 → 绿 U+7EFF, 態 U+614B → 态 U+6001).",
	},
	{
		ID: UnicodeCJKRadicals, Kind: Specification, Ref: "Unicode CJK Radicals Supplement",
		Title: "The Unicode Standard, code chart CJK Radicals Supplement (U+2E80–U+2EFF)", Issuer: "Unicode Consortium",
		URL:   "https://www.unicode.org/charts/PDF/U2E80.pdf",
		About: "Radical forms that NFKC leaves unchanged, such as U+2EC4 CJK RADICAL WEST TWO, a form of radical 146 西.",
	},
	{
		ID: JoyoKanji2010, Kind: Policy, Ref: "常用漢字表（平成22年内閣告示第2号）",
		Title: "常用漢字表", Issuer: "内閣 (Cabinet of Japan)", Number: "平成22年内閣告示第2号", Date: "2010-11-30",
		URL:   "https://www.bunka.go.jp/kokugo_nihongo/sisaku/joho/joho/kijun/naikaku/kanji/",
		About: "Japan's list of characters in common use; 緑 U+7DD1 is its form of the character written 綠 in Chinese.",
	},
}
