/**
 * The fictional demo city: real divisions of 湘潭市 (GB/T 2260 and statistical park codes),
 * invented units, people and companies.
 */
export const PROVINCE = { code: '430000', name: '湖南省', kind: 'province' } as const;
export const CITY = { code: '430300', name: '湘潭市', kind: 'city' } as const;

export const COUNTIES = [
  { code: '430302', name: '雨湖区', kind: 'district', lat: 27.86, lng: 112.9 },
  { code: '430304', name: '岳塘区', kind: 'district', lat: 27.87, lng: 112.97 },
  { code: '430321', name: '湘潭县', kind: 'county', lat: 27.78, lng: 112.95 },
  { code: '430381', name: '湘乡市', kind: 'county', lat: 27.73, lng: 112.53 },
  { code: '430382', name: '韶山市', kind: 'county', lat: 27.92, lng: 112.53 },
] as const;

export const PARKS = [
  { code: '430371', name: '湘潭高新区', kind: 'park', lat: 27.83, lng: 112.93 },
  { code: '430372', name: '昭山示范区', kind: 'park', lat: 27.97, lng: 112.98 },
  { code: '430373', name: '九华示范区', kind: 'park', lat: 27.93, lng: 112.88 },
] as const;

export const OFFICE = '湘潭市重点项目建设竞赛活动办公室';

export const HQS = [
  '先进制造业项目协调指挥部',
  '新材料产业项目协调指挥部',
  '交通基础设施项目协调指挥部',
  '城市更新项目协调指挥部',
  '文旅康养项目协调指挥部',
  '社会民生项目协调指挥部',
];

export const DEPARTMENTS = [
  '市自然资源和规划局',
  '市住房和城乡建设局',
  '市人力资源和社会保障局',
  '市财政局',
  '市生态环境局',
  '市交通运输局',
  '市行政审批服务局',
  '市供电公司',
];

export const SERVICE_TEAMS = ['第一调度服务专班', '第二调度服务专班', '第三调度服务专班', '第四调度服务专班'];

/** Invented city leaders; titles are generic. */
export const LEADERS = [
  { name: '周立新', title: '市委常委、常务副市长' },
  { name: '陈若兰', title: '副市长' },
  { name: '王志远', title: '副市长' },
  { name: '李文博', title: '副市长' },
  { name: '赵明辉', title: '市人大常委会副主任' },
  { name: '刘晓峰', title: '市政协副主席' },
  { name: '孙振华', title: '市政府秘书长' },
];

export const CHAINS = ['先进装备制造产业链', '新材料产业链', '新能源汽车及零部件产业链', '电子信息产业链', '食品医药产业链', '文化旅游产业链'];

/** Fictional company name parts: 湘潭 + word + business + suffix. */
export const COMPANY_WORDS = ['华瑞', '恒通', '鼎盛', '宏远', '泰和', '金桥', '博创', '瑞丰', '中拓', '新航', '昌达', '凯盛', '永安', '嘉信', '汇能', '联创', '德润', '正源', '天衡', '锦程'];
export const COMPANY_BUSINESS = ['智能装备', '新材料', '电机', '锂电科技', '建设投资', '城市发展', '文旅发展', '医药', '食品', '电子科技', '环保科技', '交通建设'];

export interface ProjectTemplate {
  category: 'industry' | 'restart' | 'infrastructure' | 'livelihood';
  names: string[];
  /** Total investment range in 万元. */
  totalWan: [number, number];
  industry: string[];
}

export const TEMPLATES: ProjectTemplate[] = [
  {
    category: 'industry',
    names: ['年产5万吨锂电池正极材料项目', '风电装备智能制造基地项目', '高端轴承生产线项目', '新能源汽车电机产业园项目', '精密铸件扩能改造项目', '碳纤维复合材料项目', '智能电网装备产业园项目', '半导体封装测试基地项目', '生物医药中试基地项目', '绿色食品深加工项目', '工程机械再制造项目', '特种钢材深加工项目'],
    totalWan: [8000, 350000],
    industry: ['C38', 'C34', 'C36', 'C39', 'C31', 'C27', 'C13'],
  },
  {
    category: 'restart',
    names: ['停建厂房盘活项目', '物流园复工续建项目', '商业综合体续建项目', '标准厂房盘活项目'],
    totalWan: [5000, 80000],
    industry: ['E47', 'G59', 'K70'],
  },
  {
    category: 'infrastructure',
    names: ['城区主干道提质改造工程', '5G基站及算力中心项目', '城市燃气管网更新工程', '污水处理厂扩建工程', '湘江风光带二期工程', '老旧小区改造项目', '快速干线道路工程', '充电基础设施建设项目', '智慧城市数据中心项目'],
    totalWan: [10000, 500000],
    industry: ['E48', 'I65', 'D45', 'N77'],
  },
  {
    category: 'livelihood',
    names: ['人民医院新院区建设项目', '职业技术学院新校区项目', '保障性租赁住房项目', '中小学新建项目', '养老服务中心项目', '全民健身中心项目', '农贸市场提质改造项目'],
    totalWan: [3000, 150000],
    industry: ['Q84', 'P83', 'K70', 'R89'],
  },
];
