// A synthetic notice of many cases, in the genre's layout (案例N, then 一、背景情况 / 二、主要做法 / 三、取得成效),
// for testing that a large import stays responsive, can be cancelled, and restores fast after a reload.
// Each case's text varies (a number and a rotating agency / measure), so no two are copies of each other.
const AGENCIES = ['市场监管局', '住建局', '税务局', '人社局', '自然资源局', '公共资源交易中心', '数据局', '司法局'];
const MEASURES = ['企业开办一件事集成办理', '工程建设项目拿地即开工', '非接触式办税缴费', '社保业务一网通办', '不动产登记一窗受理', '招投标全流程电子化', '政务数据共享', '涉企纠纷多元化解'];

export function largeNotice(cases: number): string {
  const lines = [`关于推广2024年第九批优化营商环境典型案例的通知`, `现将2024年第九批优化营商环境典型案例（共${cases}个）印发给你们，请认真学习借鉴。`];
  for (let i = 1; i <= cases; i++) {
    const agency = AGENCIES[i % AGENCIES.length];
    const measure = MEASURES[(i * 7) % MEASURES.length];
    lines.push(
      `案例${i}`,
      `${agency}推行${measure}第${i}号改革`,
      '一、背景情况',
      `此前第${i}项业务办理需要多个部门分别受理，材料重复提交，平均耗时${(i % 20) + 5}个工作日。`,
      '二、主要做法',
      `（一）整合第${i}项业务流程，推行一表申请、一窗受理。（二）${agency}牵头建立联办机制，数据共享${i % 50}项。`,
      '三、取得成效',
      `办理时间压缩至${(i % 3) + 1}个工作日，全年服务企业${1000 + i}户，群众满意度达到${90 + (i % 10)}%。`,
    );
  }
  lines.push('2024年12月1日');
  return lines.join('\n') + '\n';
}
