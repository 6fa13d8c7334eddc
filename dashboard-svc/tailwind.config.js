/**
 * Tailwind scans the page template and the script (which adds classes to table rows) and emits only what they use.
 * The status colours live here once; dashboard.js uses the same values for the charts.
 * @type {import('tailwindcss').Config}
 */
module.exports = {
    content: ['./src/main/resources/templates/**/*.html', './src/main/resources/META-INF/resources/js/**/*.js'],
    theme: {
        extend: {
            colors: {
                status: {
                    '2xx': '#15803d',
                    '3xx': '#1d4ed8',
                    '4xx': '#b45309',
                    '5xx': '#b91c1c',
                    other: '#4b5563',
                },
            },
        },
    },
    plugins: [],
};
