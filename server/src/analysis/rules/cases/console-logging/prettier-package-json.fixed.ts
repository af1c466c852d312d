// @case library=winston loggerModule=src/logger.ts path=src/nodes/files.ts rules=console-logging,error-not-serialized
// A project formatted by Prettier (its options under package.json's `prettier` key): no semicolons,
// four-space indentation, 100 columns, no trailing commas. The fixes write code the same way, keep a
// message literal as it was written (escapes and quotes), and log an error as the error object.
import { logger } from '../logger'
export async function download(fileId: string, containerId: string, response: { status: number; statusText: string }) {
    try {
        await Promise.resolve(fileId)
    } catch (error) {
        logger.error('Error downloading container file', error)
    }
    logger.warn('Failed to download container file from container', {
        fileId,
        containerId,
        responseStatus: response.status,
        responseStatusText: response.statusText
    })
    logger.info('\x1b[92m\x1b[1m\n*****OUTPUT PREDICTION*****\n\x1b[0m\x1b[0m')
    logger.warn("The 'baseURL' parameter is not allowed when using the ChatCometAPI node.")
}

export function list(files: Array<{ name: string; mimeType: string }>) {
    for (const fileInfo of files) {
        try {
            JSON.parse(fileInfo.name)
        } catch (error) {
            console.warn(`Failed to process file ${fileInfo.name}: ${error.message}`)
            logger.error('Failed to process file', error)
        }
    }
}
