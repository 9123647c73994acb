// ECharts ships its locales as plain modules without types; registerLocale takes this shape.
declare module 'echarts/lib/i18n/langFR.js' {
	const lang: import('echarts/types/src/core/locale').LocaleOption;
	export default lang;
}
