/** One colour per compared orchestrator, in the order of the `ids` URL parameter. */
export const comparePalette = ['#27d67e', '#4aa3ff', '#f5a524', '#c084fc'] as const
