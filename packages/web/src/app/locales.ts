/** Words of the shell and of every page: product name, menu, common actions and errors. */
import type { Messages } from './messages.ts';

const zh = {
  product: '领跑 Pacer',
  tagline: '重点项目建设竞赛与调度平台',
  nav: {
    projects: '项目库',
    menu: '功能菜单',
    openMenu: '打开菜单',
  },
  shell: {
    signOut: '退出登录',
    language: '语言',
  },
  languages: { 'zh-CN': '简体中文', 'en-US': 'English' },
  units: { wan: '万元', amount: '金额' },
  actions: {
    search: '查询',
    reset: '重置',
    expand: '展开',
    collapse: '收起',
    refresh: '刷新',
    cancel: '取消',
    save: '保存',
    retry: '重试',
  },
  errors: {
    network: '无法连接服务器，请检查网络后重试。',
    server: '服务器暂时无法处理请求（HTTP {{status}}），请稍后重试。',
    loadFailed: '加载失败',
    notFound: '页面不存在',
    notFoundHint: '您访问的页面不存在，或链接已失效。',
    forbidden: '没有权限',
    forbiddenHint: '您的账号没有进行此操作的权限，如需开通请联系竞赛办。',
  },
};

const en: Messages<typeof zh> = {
  product: '领跑 Pacer',
  tagline: 'Key-project construction campaigns',
  nav: {
    projects: 'Projects',
    menu: 'Menu',
    openMenu: 'Open menu',
  },
  shell: {
    signOut: 'Sign out',
    language: 'Language',
  },
  languages: { 'zh-CN': '简体中文', 'en-US': 'English' },
  units: { wan: '10k yuan', amount: 'Amount' },
  actions: {
    search: 'Search',
    reset: 'Reset',
    expand: 'More',
    collapse: 'Less',
    refresh: 'Refresh',
    cancel: 'Cancel',
    save: 'Save',
    retry: 'Retry',
  },
  errors: {
    network: 'Cannot reach the server. Check the network and try again.',
    server: 'The server could not handle the request (HTTP {{status}}). Please try again later.',
    loadFailed: 'Failed to load',
    notFound: 'Page not found',
    notFoundHint: 'This page does not exist or the link is out of date.',
    forbidden: 'Not allowed',
    forbiddenHint: 'Your account may not do this. Ask the campaign office for access.',
  },
};

export const common = { 'zh-CN': zh, 'en-US': en };
