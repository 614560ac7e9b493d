import type { Messages } from '../../app/messages.ts';

const zh = {
  title: '登录',
  welcome: '欢迎使用领跑 Pacer',
  username: '用户名',
  password: '密码',
  usernameRequired: '请输入用户名',
  passwordRequired: '请输入密码',
  submit: '登录',
  failed: '登录失败',
};

const en: Messages<typeof zh> = {
  title: 'Sign in',
  welcome: 'Welcome to Pacer',
  username: 'Username',
  password: 'Password',
  usernameRequired: 'Enter your username',
  passwordRequired: 'Enter your password',
  submit: 'Sign in',
  failed: 'Sign-in failed',
};

export const auth = { 'zh-CN': zh, 'en-US': en };
