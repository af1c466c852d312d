// @case path=public/js/RoomClient.js rules=error-not-serialized
// A page's own log helper (MiroTalk SFU's RoomClient, loaded by a <script> tag and calling the page's
// document): the error's text goes to the browser's console, where no log record loses a stack.
class RoomClient {
  handleRecordingError(message) {
    console.error('Recording error', message);
    document.title = 'Recording failed';
  }

  startRecording(options) {
    try {
      this.recorder = new MediaRecorder(options.stream);
    } catch (err) {
      this.handleRecordingError('Exception while creating MediaRecorder: ' + err);
    }
  }
}

window.RoomClient = RoomClient;
