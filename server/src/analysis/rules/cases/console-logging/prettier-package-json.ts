// @case library=winston loggerModule=src/logger.ts path=src/nodes/files.ts rules=console-logging,error-not-serialized
// A project formatted by Prettier (its options under package.json's `prettier` key): no semicolons,
// four-space indentation, 100 columns, no trailing commas. The fixes write code the same way, keep a
// message literal as it was written (escapes and quotes), and log an error as the error object.
export async function download(fileId: string, containerId: string, response: { status: number; statusText: string }) {
    try {
        await Promise.resolve(fileId)
    } catch (error) {
        console.error('Error downloading container file:', error)
      //~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
    }
    console.warn(
  //~~~~~~~~~~~~ [console-logging] console.warn in service code writes unstructured text; use the project's logger, which writes structured records with levels.
        `Failed to download container file ${fileId} from container ${containerId}: ${response.status} ${response.statusText}`
    )
    console.log('\x1b[92m\x1b[1m\n*****OUTPUT PREDICTION*****\n\x1b[0m\x1b[0m')
  //~~~~~~~~~~~ [console-logging] console.log in service code writes unstructured text; use the project's logger, which writes structured records with levels.
    console.warn("The 'baseURL' parameter is not allowed when using the ChatCometAPI node.")
  //~~~~~~~~~~~~ [console-logging] console.warn in service code writes unstructured text; use the project's logger, which writes structured records with levels.
}

export function list(files: Array<{ name: string; mimeType: string }>) {
    for (const fileInfo of files) {
        try {
            JSON.parse(fileInfo.name)
        } catch (error) {
            console.warn(`Failed to process file ${fileInfo.name}: ${error.message}`)
          //~~~~~~~~~~~~ [console-logging] console.warn in service code writes unstructured text; use the project's logger, which writes structured records with levels.
                                                                   //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
            console.error(`Failed to process file: ${error.message}`)
          //~~~~~~~~~~~~~ [console-logging] console.error in service code writes unstructured text; use the project's logger, which writes structured records with levels.
                                                   //~~~~~~~~~~~~~ [error-not-serialized] `error.message` logs the error as text, which loses its stack and type; log the error object instead.
        }
    }
}
