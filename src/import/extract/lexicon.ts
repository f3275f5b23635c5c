/**
 * Small, reviewed hand lists for what no installed package provides. Country names come from
 * i18n-iso-countries (see gazetteer.ts); everything here is either closed-class vocabulary
 * (speech verbs, role nouns, suffixes) or a short list of frequently named entities whose names
 * cannot be recognised by rule (Chinese-style names of foreigners, famous officeholders mentioned
 * by surname only, abbreviations such as 北约).
 */

/**
 * Characters used by the Xinhua transliteration tables for foreign personal names. Complete on
 * purpose: a missing character (冯 in 乌尔苏拉·冯德莱恩) silently truncates every name that uses it.
 */
export const TRANSLIT_CHARS = new Set(
  (
    '阿埃艾爱安昂奥澳巴芭拔白柏拜班邦保宝葆鲍贝倍本比彼毕庇碧边别宾滨冰波玻伯勃博布步查察柴昌' +
    '彻辰楚茨慈次达大代戴黛丹旦当道德登邓狄迪蒂帝典丁东杜度敦顿多朵俄厄鄂恩尔耳法凡樊范菲斐' +
    '费芬丰冯佛夫弗伏孚福富伽盖甘冈刚高戈哥歌格葛根贡古谷瓜圭贵桂果哈海汉杭豪浩郝赫黑亨恒洪' +
    '侯胡华怀环黄惠霍基吉姬极季济加佳嘉迦珈贾简杰捷金津京晶久居君卡开凯坎康柯科可克肯孔库夸' +
    '奎昆阔拉腊莱赖兰朗劳勒雷蕾累黎里理力历立利丽莉莲连廉良列林琳玲凌灵留柳龙隆卢鲁陆路露伦' +
    '罗洛吕绿马玛迈麦曼芒毛梅美门蒙孟米密敏明缪摩莫墨默姆木穆拿纳娜奈南内尼妮聂宁纽努诺' +
    '欧帕潘庞培佩彭蓬皮匹平珀坡蒲浦普齐奇琪契恰千钱乔切钦琴青琼丘邱屈让热茹儒瑞若撒萨塞赛桑' +
    '瑟森沙莎珊山善尚绍舍申圣施什史士斯松宋苏索塔泰坦汤唐陶特提廷通图托瓦娃宛万旺威韦维温文' +
    '翁沃乌伍武西希锡夏香肖谢辛欣休修许雅亚延扬杨耶叶伊依易因英尤于约云泽扎詹兹佐祖丝芙薇娅' +
    '妲琪茜黛蕾赛璐莎菈娣翰珍逊卜烈罕汀滕陀妥灿舒芝咪阮盛歇朱喀蔻谟琦璐莱蓓治各农'
  ).split(''),
);

/** Characters that may not end a transliterated name although they are in the table. */
export const TRANSLIT_BAD_END = new Set('于日人大在和与的是也将对本当'.split(''));

/** Characters that end some transliterated names (甘地) but never start or continue one. */
export const TRANSLIT_END_ONLY = new Set('地得思'.split(''));

/** Function words that a left-extended transliteration must not begin with (当马士基·埃姆登). */
export const TRANSLIT_BAD_START = new Set('当如若即为因以和与在是对向把被给将由从据及等了'.split(''));

/** Common Chinese (and Korean, Vietnamese) surnames, two-character ones first. */
export const COMPOUND_SURNAMES = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '令狐',
  '慕容',
  '司徒',
  '夏侯',
];
export const SURNAMES = new Set(
  (
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程' +
    '苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛' +
    '郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦' +
    '俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房' +
    '滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应' +
    '臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝朴尉傅洪郦庹裘鞠冀闻籍匡厉' +
    '宋廉鄢权晋习'
  ).split(''),
);

/** Speech and attribution verbs (Chinese), longest first so 补充道 wins over 说. */
export const ZH_SPEECH_VERBS = [
  '补充说',
  '补充道',
  '接着说',
  '回忆说',
  '解释说',
  '强调说',
  '警告说',
  '表示',
  '写道',
  '指出',
  '认为',
  '说道',
  '告诉',
  '透露',
  '坦言',
  '称',
  '说',
  '问道',
  '警告',
  '强调',
  '提到',
  '承认',
];

/** Roles that make a quoted person an expert (analysis, not office). */
export const EXPERT_ROLE_KEYS = [
  '专家',
  '研究员',
  '研究人员',
  '学者',
  '分析人士',
  '分析师',
  '教授',
  '讲师',
  '主任',
  '经济学家',
  '科学家',
  '学家',
  '研究主任',
  'fellow',
  'analyst',
  'professor',
  'scholar',
  'researcher',
  'economist',
  'director',
  'expert',
];

/**
 * Role nouns that end an apposition such as 欧洲外交关系委员会的中国外交政策专家. Offices (总统, 总理)
 * are roles too; whether a role makes an expert is decided by EXPERT_ROLE_KEYS.
 */
export const ROLE_NOUNS = [
  '国家主席',
  '最高领导人',
  '领导人',
  '领袖',
  '协调员',
  '总书记',
  '副总统',
  '总统',
  '副总理',
  '总理',
  '首相',
  '外交部长',
  '外长',
  '财政部长',
  '财长',
  '防长',
  '国防部长',
  '司法部长',
  '国务卿',
  '助理国务卿',
  '部长',
  '副主席',
  '主席',
  '联合主席',
  '议长',
  '众议员',
  '参议员',
  '议员',
  '州长',
  '市长',
  '省长',
  '书记',
  '大使',
  '特使',
  '发言人',
  '秘书长',
  '总干事',
  '国王',
  '女王',
  '首席执行官',
  '执行长',
  '副总裁',
  '总裁',
  '董事长',
  '董事',
  '联合创始人',
  '创始人',
  '创办人',
  '总经理',
  '经理',
  '主管',
  '负责人',
  '局长',
  '署长',
  '院长',
  '所长',
  '校长',
  '系主任',
  '主任',
  '法官',
  '检察官',
  '律师',
  '将军',
  '司令',
  '指挥官',
  '外交官',
  '官员',
  '顾问',
  '总编辑',
  '主编',
  '编辑',
  '记者',
  '专栏作家',
  '作家',
  '学家',
  '研究员',
  '研究人员',
  '学者',
  '专家',
  '分析师',
  '分析人士',
  '教授',
  '讲师',
  '首席研究员',
  '情报官',
  '科学家',
  '工程师',
  '医生',
  '成员',
  '代表',
  '合伙人',
  '投资人',
];

/**
 * Words that anchor a following personal name (titles, kinship, 名叫). Chinese-style names are only
 * recognised next to such an anchor, a （音） mark, an English name in brackets or a known name.
 */
export const NAME_ANCHORS_BEFORE = [
  ...ROLE_NOUNS,
  '主犯',
  '主谋',
  '妻子',
  '丈夫',
  '夫人',
  '儿子',
  '女儿',
  '父亲',
  '母亲',
  '哥哥',
  '弟弟',
  '姐姐',
  '妹妹',
  '兄弟',
  '姐妹',
  '名叫',
  '名为',
  '活动人士',
  '异见人士',
  '维权人士',
  '企业家',
  '商人',
  '亿万富翁',
  '富豪',
  '演员',
  '导演',
  '歌手',
  '艺术家',
  '运动员',
  '选手',
  '嫌疑人',
  '被告',
  '博主',
  '网红',
  '诗人',
  '作者',
  '同事',
  '朋友',
  '厨师',
  '女士',
];

/** Titles written after a name: 李克强总理, 阎学通教授. */
export const NAME_TITLES_AFTER = [
  '总理',
  '总统',
  '主席',
  '教授',
  '博士',
  '院士',
  '先生',
  '女士',
  '总书记',
  '部长',
];

/**
 * Characters after which a personal name may end (its right boundary). A name must be followed by
 * one of these, punctuation or the end of text.
 */
export const NAME_FOLLOW_CHARS = new Set(
  '说表称指认写告透坦补回在于周上本今去明昨的和与及等、，。；：！？“”‘’（）()《》·曾也已将则对是被把向从为因还又就都却均亦并所以及会能可要想正刚才却承拒宣呼警批主接称提担领访率出回任作带提发主离流通参辩同希获决签赢输加退支反抵赴入写读看听买卖得失遭受让请'.split(
    '',
  ),
);

/** Words that are never entities on their own even where a rule would accept them. */
export const STOP_ENTITIES = new Set([
  '西方',
  '东方',
  '专家',
  '分析人士',
  '官员',
  '学者',
  '当局',
  '政府',
  '警方',
  '检方',
  '外界',
  '国际社会',
  '中国银行业',
  '该委员会',
  '委员会',
  '公司',
  '大学',
  '银行',
  '该公司',
  '本公司',
  '这家公司',
  '一家公司',
  '研究所',
  '理事会',
  '基金会',
  '研究中心',
  '中心',
  '组织',
  '政党',
  '反对党',
  '执政党',
  '党',
  '部',
  '局',
  '社',
  '美元',
  '欧元',
  '人民币',
  '西方国家',
  '英语',
  '法语',
  '德语',
  '俄语',
  '普通话',
]);

/**
 * Organization name endings. A suffix alone is not a name: the rule needs a proper prefix
 * (see chinese.ts), so 该委员会 or 这家银行 never match.
 */
export const ORG_SUFFIXES = [
  '委员会',
  '理事会',
  '基金会',
  '联合会',
  '协会',
  '学会',
  '商会',
  '工会',
  '研究会',
  '研究所',
  '研究院',
  '研究中心',
  '实验室',
  '智库',
  '中心',
  '大学',
  '学院',
  '法学院',
  '商学院',
  '中学',
  '银行',
  '公司',
  '集团',
  '控股',
  '基金',
  '部',
  '局',
  '署',
  '厅',
  '法院',
  '法庭',
  '医院',
  '科学院',
  '国务院',
  '众议院',
  '参议院',
  '议院',
  '议会',
  '国会',
  '通讯社',
  '新闻社',
  '出版社',
  '律师事务所',
  '社',
  '电视台',
  '广播电台',
  '电台',
  '党',
  '组织',
  '联盟',
  '论坛',
  '系',
  '办公室',
  '事务所',
  '大使馆',
  '总领事馆',
  '领事馆',
  '军',
  '陆战队',
  '警察局',
  '警察厅',
];

/** Suffixes that denote a class of institutions when written after a bare place: 中国银行 = Chinese banks. */
export const GENERIC_ORG_SUFFIXES = new Set([
  '银行',
  '公司',
  '企业',
  '大学',
  '医院',
  '法院',
  '媒体',
  '工厂',
  '中学',
]);

/**
 * Organizations whose names cannot be found by suffix rules, with aliases. The first name is canonical.
 */
export const KNOWN_ORGS: string[][] = [
  ['北大西洋公约组织', '北约', 'NATO'],
  ['欧洲联盟', '欧盟', 'EU', 'European Union'],
  ['联合国', 'UN', 'United Nations'],
  ['国际货币基金组织', 'IMF', 'International Monetary Fund'],
  ['世界银行', 'World Bank'],
  ['世界贸易组织', '世贸组织', 'WTO'],
  ['世界卫生组织', '世卫组织', 'WHO'],
  ['七国集团', 'G7'],
  ['二十国集团', 'G20'],
  ['东南亚国家联盟', '东盟', 'ASEAN'],
  ['欧洲外交关系委员会', '欧洲对外关系委员会', 'European Council on Foreign Relations', 'ECFR'],
  ['战略与国际研究中心', 'Center for Strategic and International Studies', 'CSIS'],
  ['大西洋理事会', 'Atlantic Council'],
  ['布鲁金斯学会', 'Brookings Institution'],
  ['卡内基国际和平基金会', 'Carnegie Endowment for International Peace'],
  ['外交关系委员会', 'Council on Foreign Relations'],
  ['德国马歇尔基金会', 'German Marshall Fund'],
  ['美国企业研究所', 'American Enterprise Institute'],
  ['兰德公司', 'RAND Corporation'],
  ['人权观察', 'Human Rights Watch'],
  ['国际特赦组织', '国际特赦', 'Amnesty International'],
  ['无国界记者', 'Reporters Without Borders'],
  ['自由之家', 'Freedom House'],
  ['保护记者委员会', 'Committee to Protect Journalists'],
  ['卡内基俄罗斯欧亚中心', '卡内基俄罗斯—欧亚研究中心', 'Carnegie Russia Eurasia Center'],
  ['洛伊研究所', 'Lowy Institute'],
  ['欧亚集团', 'Eurasia Group'],
  ['新华社', '新华通讯社', 'Xinhua'],
  ['路透社', 'Reuters'],
  ['美联社', 'Associated Press', 'AP'],
  ['法新社', 'Agence France-Presse', 'AFP'],
  ['彭博社', '彭博', 'Bloomberg'],
  ['俄罗斯卫星通讯社', 'Sputnik'],
  ['塔斯社', 'TASS'],
  ['朝中社', '朝鲜中央通讯社', 'KCNA'],
  ['韩联社', 'Yonhap'],
  ['共同社', 'Kyodo'],
  ['《纽约时报》', '纽约时报', 'The New York Times', 'New York Times'],
  ['《华尔街日报》', '华尔街日报', 'The Wall Street Journal'],
  ['《华盛顿邮报》', '华盛顿邮报', 'The Washington Post'],
  ['《金融时报》', '金融时报', 'Financial Times'],
  ['《人民日报》', '人民日报', "People's Daily"],
  ['《环球时报》', '环球时报', 'Global Times'],
  ['英国广播公司', 'BBC'],
  ['中国中央电视台', '央视', 'CCTV'],
  ['Getty Images', '盖蒂图片社'],
  ['Agence France-Presse', '法新社'],
  ['European Pressphoto Agency', 'EPA'],
  ['Shutterstock'],
  ['中国共产党', '中共', '共产党', 'Chinese Communist Party'],
  ['中国国民党', '国民党', 'KMT'],
  ['民主进步党', '民进党', 'DPP'],
  ['台湾民众党', '民众党'],
  ['共和党', 'Republican Party'],
  ['工党', 'Labour Party'],
  ['英国保守党', '保守党', 'Conservative Party'],
  ['自由民主党', 'Liberal Democrats'],
  ['绿党', 'Green Party'],
  ['民主党', 'Democratic Party'],
  ['朝鲜劳动党', '劳动党'],
  ['哈马斯', 'Hamas'],
  ['真主党', 'Hezbollah'],
  ['塔利班', 'Taliban'],
  ['中国人民解放军', '解放军', "People's Liberation Army", 'PLA'],
  ['中华人民共和国国务院', '国务院'],
  ['全国人民代表大会', '全国人大', '人大'],
  ['中国人民政治协商会议', '全国政协', '政协'],
  ['中国外交部', '外交部'],
  ['中国商务部', '商务部'],
  ['中国国家安全部', '国家安全部', '国安部'],
  ['中国人民银行', '央行'],
  ['美国国务院'],
  ['白宫', 'White House'],
  ['五角大楼', 'Pentagon'],
  ['美国国会', 'Congress'],
  ['联邦调查局', 'FBI'],
  ['中央情报局', '中情局', 'CIA'],
  ['摩萨德', 'Mossad'],
  ['美国国家航空航天局', 'NASA'],
  ['美国联邦储备委员会', '美联储', 'Federal Reserve'],
  ['英国秘密情报局', '军情六处', 'MI6'],
  ['国际奥委会', '国际奥林匹克委员会', 'IOC'],
  ['世界反兴奋剂组织', '全球反兴奋剂机构', 'WADA'],
  ['欧盟委员会', 'European Commission'],
  ['欧洲理事会', 'European Council'],
  ['欧洲议会', 'European Parliament'],
  ['克里姆林宫', 'Kremlin'],
  ['华为', 'Huawei'],
  ['腾讯', 'Tencent'],
  ['阿里巴巴', 'Alibaba'],
  ['字节跳动', 'ByteDance'],
  ['TikTok'],
  ['大疆', 'DJI'],
  ['比亚迪', 'BYD'],
  ['苹果公司', '苹果', 'Apple'],
  ['Facebook', '脸书'],
  ['Twitter', '推特'],
  ['YouTube', '优兔'],
  ['Instagram'],
  ['WhatsApp'],
  ['Telegram'],
  ['微软', 'Microsoft'],
  ['谷歌', 'Google'],
  ['亚马逊', 'Amazon'],
  ['特斯拉', 'Tesla'],
  ['Meta'],
  ['OpenAI'],
  ['英伟达', 'Nvidia'],
  ['甲骨文公司', '甲骨文', 'Oracle'],
  ['台积电', 'TSMC'],
  ['三星', 'Samsung'],
  ['恒大', '中国恒大'],
  ['碧桂园', 'Country Garden'],
  ['上海纽约大学', 'NYU Shanghai'],
  ['清华大学', 'Tsinghua University'],
  ['北京大学', 'Peking University'],
  ['哈佛大学', 'Harvard University'],
  ['耶鲁大学', 'Yale University'],
  ['斯坦福大学', 'Stanford University'],
];

/**
 * Persons mentioned by one short name that no rule can recognise (surname-only transliterations,
 * Chinese-style names). Kept short: alias memory learns the long tail from the corpus itself.
 */
export const KNOWN_PERSONS: string[][] = [
  ['习近平', 'Xi Jinping'],
  ['李强', 'Li Qiang'],
  ['李克强', 'Li Keqiang'],
  ['王毅', 'Wang Yi'],
  ['秦刚', 'Qin Gang'],
  ['彭丽媛', 'Peng Liyuan'],
  ['毛泽东', 'Mao Zedong'],
  ['邓小平', 'Deng Xiaoping'],
  ['江泽民', 'Jiang Zemin'],
  ['胡锦涛', 'Hu Jintao'],
  ['温家宝', 'Wen Jiabao'],
  ['王沪宁'],
  ['赵乐际'],
  ['丁薛祥'],
  ['何立峰'],
  ['蔡奇'],
  ['刘鹤'],
  ['蔡英文', 'Tsai Ing-wen'],
  ['赖清德', 'Lai Ching-te'],
  ['马英九', 'Ma Ying-jeou'],
  ['侯友宜'],
  ['柯文哲'],
  ['李家超', 'John Lee'],
  ['林郑月娥', 'Carrie Lam'],
  ['黎智英', 'Jimmy Lai'],
  ['金正恩', 'Kim Jong-un'],
  ['文在寅', 'Moon Jae-in'],
  ['尹锡悦', 'Yoon Suk Yeol'],
  ['岸田文雄', 'Fumio Kishida'],
  ['安倍晋三', 'Shinzo Abe'],
  ['李显龙', 'Lee Hsien Loong'],
  ['黄循财', 'Lawrence Wong'],
  ['普京', '弗拉基米尔·普京', 'Vladimir Putin', 'Putin'],
  ['拜登', '乔·拜登', 'Joe Biden', 'Biden'],
  ['特朗普', '唐纳德·特朗普', 'Donald Trump', 'Trump'],
  ['奥巴马', '巴拉克·奥巴马', 'Barack Obama'],
  ['哈里斯', '卡马拉·哈里斯', 'Kamala Harris'],
  ['布林肯', '安东尼·布林肯', 'Antony Blinken'],
  ['耶伦', '珍妮特·耶伦', 'Janet Yellen'],
  ['沙利文', '杰克·沙利文', 'Jake Sullivan'],
  ['奥斯汀', '劳埃德·奥斯汀', 'Lloyd Austin'],
  ['雷蒙多', '吉娜·雷蒙多', 'Gina Raimondo'],
  ['马克龙', '埃马纽埃尔·马克龙', 'Emmanuel Macron'],
  ['肖尔茨', '奥拉夫·肖尔茨', 'Olaf Scholz'],
  ['默克尔', '安格拉·默克尔', 'Angela Merkel'],
  ['苏纳克', '里希·苏纳克', 'Rishi Sunak'],
  ['约翰逊', '鲍里斯·约翰逊', 'Boris Johnson'],
  ['泽连斯基', '弗拉基米尔·泽连斯基', 'Volodymyr Zelensky'],
  ['冯德莱恩', '乌尔苏拉·冯德莱恩', 'Ursula von der Leyen'],
  ['斯托尔滕贝格', '延斯·斯托尔滕贝格', 'Jens Stoltenberg'],
  ['古特雷斯', '安东尼奥·古特雷斯', 'António Guterres'],
  ['莫迪', '纳伦德拉·莫迪', 'Narendra Modi'],
  ['内塔尼亚胡', '本雅明·内塔尼亚胡', 'Benjamin Netanyahu'],
  ['埃尔多安', '雷杰普·塔伊普·埃尔多安', 'Recep Tayyip Erdogan'],
  ['欧尔班', '欧尔班·维克托', 'Viktor Orban'],
  ['武契奇', '亚历山大·武契奇', 'Aleksandar Vucic'],
  ['卢拉', 'Lula'],
  ['马斯克', '埃隆·马斯克', 'Elon Musk'],
  ['库克', '蒂姆·库克', 'Tim Cook'],
  ['黄仁勋', 'Jensen Huang'],
  ['莱希', '易卜拉欣·莱希', 'Ebrahim Raisi'],
  ['哈梅内伊', 'Ali Khamenei'],
  ['小马科斯', 'Ferdinand Marcos Jr.'],
  ['阿尔巴尼斯', 'Anthony Albanese'],
  ['克里斯特松', '乌尔夫·克里斯特松', 'Ulf Kristersson'],
];

/** Chinese provinces, regions and major cities (mainland, Hong Kong, Macau, Taiwan). */
export const CN_PLACES = (
  '北京 上海 天津 重庆 河北 山西 辽宁 吉林省 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 ' +
  '陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门 河北省 山西省 辽宁省 黑龙江省 江苏省 浙江省 安徽省 福建省 ' +
  '江西省 山东省 河南省 湖北省 湖南省 广东省 海南省 四川省 贵州省 云南省 陕西省 甘肃省 青海省 海南岛 ' +
  '广州 深圳 杭州 南京 武汉 成都 西安 苏州 厦门 青岛 大连 沈阳 哈尔滨 长春 济南 郑州 长沙 合肥 福州 南昌 昆明 贵阳 ' +
  '南宁 兰州 西宁 银川 乌鲁木齐 拉萨 呼和浩特 石家庄 太原 宁波 温州 无锡 东莞 佛山 珠海 汕头 义乌 烟台 ' +
  '台北 高雄 台中 台南 新竹 金门 马祖 澎湖 九龙 新界 喀什 伊宁 和田 镇雄县 镇雄 雄安 浦东 中南海 ' +
  '珠江三角洲 长江三角洲 台湾海峡 南海 东海 黄海 南中国海 西沙群岛 南沙群岛 钓鱼岛 黄岩岛 仁爱礁 长江 黄河 喜马拉雅'
).split(/\s+/);

/** World regions, capitals and major cities, US states. */
export const WORLD_PLACES = (
  '亚洲 欧洲 非洲 北美 南美 拉丁美洲 拉美 大洋洲 中东 东南亚 东亚 南亚 中亚 西亚 北非 东欧 西欧 中欧 北欧 南欧 ' +
  '印太 亚太 印度洋 太平洋 大西洋 北极 南极 波罗的海 巴尔干 高加索 加沙 加沙地带 约旦河西岸 克里米亚 顿巴斯 哈尔科夫 ' +
  '基辅 敖德萨 马里乌波尔 顿涅茨克 卢甘斯克 赫尔松 扎波罗热 苏联 车臣 西伯利亚 ' +
  '华盛顿 纽约 洛杉矶 旧金山 芝加哥 波士顿 西雅图 休斯顿 迈阿密 亚特兰大 费城 底特律 拉斯维加斯 硅谷 曼哈顿 布鲁克林 ' +
  '新泽西 加州 加利福尼亚 得克萨斯 德克萨斯 佛罗里达 伊利诺伊 密歇根 宾夕法尼亚 俄亥俄 佐治亚 亚利桑那 内华达 ' +
  '威斯康星 明尼苏达 北卡罗来纳 弗吉尼亚 马里兰 马萨诸塞 康涅狄格 肯塔基 田纳西 俄勒冈 科罗拉多 犹他 夏威夷 阿拉斯加 ' +
  '加利福尼亚州 得克萨斯州 德克萨斯州 佛罗里达州 伊利诺伊州 密歇根州 宾夕法尼亚州 俄亥俄州 佐治亚州 亚利桑那州 内华达州 ' +
  '威斯康星州 明尼苏达州 北卡罗来纳州 弗吉尼亚州 马里兰州 马萨诸塞州 康涅狄格州 肯塔基州 田纳西州 俄勒冈州 科罗拉多州 ' +
  '纽约州 新泽西州 华盛顿州 犹他州 夏威夷州 阿拉斯加州 布里奇波特 新伦敦 罗德岛 罗德岛州 特拉华州 缅因州 ' +
  '新罕布什尔州 佛蒙特州 西弗吉尼亚州 南卡罗来纳州 阿拉巴马州 亚拉巴马州 密西西比州 路易斯安那州 阿肯色州 密苏里州 ' +
  '艾奥瓦州 爱荷华州 印第安纳州 堪萨斯州 内布拉斯加州 俄克拉何马州 新墨西哥州 蒙大拿州 怀俄明州 爱达荷州 ' +
  '北达科他州 南达科他州 约克郡 肯特郡 珠江 湄公河 莱茵河 多瑙河 长岛 皇后区 布朗克斯 斯塔滕岛 圣迭戈 圣何塞 达拉斯 丹佛 凤凰城 匹兹堡 ' +
  '伦敦 巴黎 柏林 莫斯科 圣彼得堡 布鲁塞尔 罗马 米兰 马德里 巴塞罗那 里斯本 阿姆斯特丹 海牙 日内瓦 苏黎世 维也纳 ' +
  '华沙 布拉格 布达佩斯 贝尔格莱德 雅典 斯德哥尔摩 奥斯陆 赫尔辛基 哥本哈根 都柏林 爱丁堡 曼彻斯特 慕尼黑 法兰克福 汉堡 ' +
  '斯特拉斯堡 梅登黑德 苏格兰 英格兰 威尔士 北爱尔兰 比利牛斯山脉 阿尔卑斯山 ' +
  '东京 大阪 京都 冲绳 横滨 首尔 釜山 仁川 平壤 台北 曼谷 河内 胡志明市 金边 万象 仰光 马尼拉 雅加达 吉隆坡 ' +
  '新德里 孟买 班加罗尔 伊斯兰堡 卡拉奇 达卡 加德满都 科伦坡 喀布尔 德黑兰 巴格达 大马士革 贝鲁特 耶路撒冷 特拉维夫 ' +
  '利雅得 迪拜 阿布扎比 多哈 安卡拉 伊斯坦布尔 开罗 内罗毕 约翰内斯堡 拉各斯 亚的斯亚贝巴 ' +
  '渥太华 多伦多 温哥华 墨西哥城 哈瓦那 巴西利亚 圣保罗 里约热内卢 布宜诺斯艾利斯 圣地亚哥 利马 加拉加斯 ' +
  '悉尼 墨尔本 堪培拉 惠灵顿 奥克兰 关岛 夏威夷 台湾 西太平洋 苏伊士运河 红海 霍尔木兹海峡 南极洲 ' +
  '白俄罗斯 朝鲜半岛'
).split(/\s+/);

/** Place names from i18n-iso-countries that mean something else in running Chinese text. */
export const COUNTRY_NAME_EXCLUDE = new Set([
  '中非',
  '奥兰',
  '泽西',
  '根西',
  '黑山',
  '中国台湾省',
  '阿拉伯撒哈拉民主共和国',
]);

/** Extra Chinese names for countries (short forms, historical names). */
export const COUNTRY_EXTRA: Record<string, string[]> = {
  TW: ['台湾'],
  CN: ['中华人民共和国'],
  US: ['美利坚合众国'],
  GB: ['联合王国'],
  KP: ['北韩'],
  KR: ['南韩'],
  CF: ['中非共和国'],
  ME: ['黑山共和国'],
  ID: ['印度尼西亚'],
  BA: ['波斯尼亚和黑塞哥维那'],
  AE: ['阿拉伯联合酋长国'],
  SA: ['沙特'],
  CZ: ['捷克共和国'],
};
