<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name></name>
    <message>
        <source>warnings</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>AddressPage</name>
    <message>
        <source>Your email address</source>
        <translation>您的電子郵件地址</translation>
    </message>
    <message>
        <source>Enter the address you want to set up. We look up its mail servers and check that they can be used safely.</source>
        <translation>請輸入要設定的電子郵件地址。我們會找出它的郵件伺服器，並檢查能否安全使用。</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>電子郵件地址</translation>
    </message>
    <message>
        <source>The address whose mail servers are looked up</source>
        <translation>要查詢郵件伺服器的地址</translation>
    </message>
    <message>
        <source>Problem with the address</source>
        <translation>地址有問題</translation>
    </message>
    <message>
        <source>Ann Example</source>
        <translation>王小明</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>您的名字</translation>
    </message>
    <message>
        <source>Shown to the people you write to (optional)</source>
        <translation>收件人會看到的名字（可不填）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>The language of this assistant</source>
        <translation>本助理使用的語言</translation>
    </message>
    <message>
        <source>&amp;Email address:</source>
        <translation>電子郵件地址(&amp;E)：</translation>
    </message>
    <message>
        <source>Your na&amp;me:</source>
        <translation>您的名字(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Your devices</source>
        <translation>您的裝置</translation>
    </message>
    <message>
        <source>A few questions about how you read mail, so we can suggest the best way to set it up.</source>
        <translation>回答幾個關於您如何閱讀郵件的問題，我們就能建議最合適的設定方式。</translation>
    </message>
    <message>
        <source>Where do you read this mailbox?</source>
        <translation>您在哪裡閱讀這個信箱？</translation>
    </message>
    <message>
        <source>Number of computers</source>
        <translation>電腦數量</translation>
    </message>
    <message>
        <source>On a &amp;phone</source>
        <translation>在手機上(&amp;P)</translation>
    </message>
    <message>
        <source>On a &amp;tablet</source>
        <translation>在平板上(&amp;T)</translation>
    </message>
    <message>
        <source>In a &amp;web browser (webmail)</source>
        <translation>在網頁瀏覽器（網頁郵件）(&amp;W)</translation>
    </message>
    <message>
        <source>On &amp;computers:</source>
        <translation>在電腦上(&amp;C)：</translation>
    </message>
    <message>
        <source>How you use it</source>
        <translation>您的使用方式</translation>
    </message>
    <message>
        <source>Other people read thi&amp;s mailbox too</source>
        <translation>還有其他人也會讀這個信箱(&amp;S)</translation>
    </message>
    <message>
        <source>I need all my &amp;mail without an internet connection</source>
        <translation>沒有網路時也需要看到所有郵件(&amp;M)</translation>
    </message>
    <message>
        <source>Space on the server is &amp;limited, or I want mail off the server</source>
        <translation>伺服器空間有限，或我想把郵件從伺服器移走(&amp;L)</translation>
    </message>
    <message>
        <source>Who makes backups of your mail?</source>
        <translation>誰負責備份您的郵件？</translation>
    </message>
    <message>
        <source>I bac&amp;k up my computer</source>
        <translation>我自己會備份電腦(&amp;K)</translation>
    </message>
    <message>
        <source>My pro&amp;vider keeps backups</source>
        <translation>郵件服務商會備份(&amp;V)</translation>
    </message>
    <message>
        <source>Nobod&amp;y</source>
        <translation>沒有人備份(&amp;Y)</translation>
    </message>
    <message>
        <source>&amp;I don&apos;t know</source>
        <translation>我不知道(&amp;I)</translation>
    </message>
    <message>
        <source> computer</source>
        <translation> 台電腦</translation>
    </message>
    <message>
        <source> computers</source>
        <translation> 台電腦</translation>
    </message>
    <message>
        <source>Which mail programs will you set up? (Tick all that apply.)</source>
        <translation>您要設定哪些郵件程式？（可複選）</translation>
    </message>
</context>
<context>
    <name>DiscoveryDetails</name>
    <message>
        <source>Will be used</source>
        <translation>將會使用</translation>
    </message>
    <message>
        <source>Needs your decision</source>
        <translation>需要您決定</translation>
    </message>
    <message>
        <source>Offers no encryption</source>
        <translation>不提供加密</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>檢查項目</translation>
    </message>
    <message>
        <source>Each source and server being checked, and its outcome</source>
        <translation>正在檢查的每個來源與伺服器，以及結果</translation>
    </message>
    <message>
        <source>Technical details</source>
        <translation>技術細節</translation>
    </message>
    <message>
        <source>Certificate, capabilities and source of the selected server</source>
        <translation>所選伺服器的憑證、功能與來源</translation>
    </message>
    <message>
        <source>Select a server to see its technical details.</source>
        <translation>選取一台伺服器即可查看技術細節。</translation>
    </message>
    <message>
        <source>Servers found</source>
        <translation>找到的伺服器</translation>
    </message>
    <message>
        <source>Incoming (IMAP)</source>
        <translation>收件（IMAP）</translation>
    </message>
    <message>
        <source>Incoming (POP3)</source>
        <translation>收件（POP3）</translation>
    </message>
    <message>
        <source>Outgoing (SMTP)</source>
        <translation>寄件（SMTP）</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安全性</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>Found through</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已略過</translation>
    </message>
</context>
<context>
    <name>DiscoveryPage</name>
    <message>
        <source>Looking for your mail servers</source>
        <translation>正在尋找您的郵件伺服器</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>已用時間</translation>
    </message>
    <message>
        <source>&amp;Stop checking</source>
        <translation>停止檢查(&amp;S)</translation>
    </message>
    <message>
        <source>Cancels the checks that are still running</source>
        <translation>取消仍在進行的檢查</translation>
    </message>
    <message>
        <source>Runs all checks once more</source>
        <translation>再執行一次所有檢查</translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation>需要您決定</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>發現的問題</translation>
    </message>
    <message>
        <source>Good to know</source>
        <translation>供您參考</translation>
    </message>
    <message>
        <source>Lets you type the server names, ports and security yourself</source>
        <translation>讓您自行輸入伺服器名稱、連接埠與安全性</translation>
    </message>
    <message>
        <source>Show &amp;details</source>
        <translation>顯示詳細資料(&amp;D)</translation>
    </message>
    <message>
        <source>Shows every server that was tried, the checks and the certificates</source>
        <translation>顯示嘗試過的每一台伺服器、各項檢查與憑證</translation>
    </message>
    <message>
        <source>&amp;Change address</source>
        <translation>變更地址(&amp;C)</translation>
    </message>
    <message>
        <source>Goes back to the first page to correct the address</source>
        <translation>回到第一頁修正地址</translation>
    </message>
    <message>
        <source>Uses this address and checks again</source>
        <translation>改用這個地址並重新檢查</translation>
    </message>
    <message>
        <source>Checking the mail servers for {domain}…</source>
        <translation>正在檢查 {domain} 的郵件伺服器…</translation>
    </message>
    <message>
        <source>{done} of {total} checks finished.</source>
        <translation>已完成 {done} / {total} 項檢查。</translation>
    </message>
    <message>
        <source>The search stopped</source>
        <translation>搜尋已中止</translation>
    </message>
    <message>
        <source>This domain was not found</source>
        <translation>找不到這個網域</translation>
    </message>
    <message>
        <source>The search was stopped</source>
        <translation>搜尋已停止</translation>
    </message>
    <message>
        <source>Did you &amp;mean {address}?</source>
        <translation>您是指 {address} 嗎？(&amp;M)</translation>
    </message>
    <message>
        <source>Hide &amp;details</source>
        <translation>隱藏詳細資料(&amp;D)</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation>重新檢查(&amp;G)</translation>
    </message>
    <message>
        <source>Enter or change the settings by &amp;hand on the next page</source>
        <translation>在下一頁手動輸入或修改設定(&amp;H)</translation>
    </message>
    <message>
        <source>The checks stopped because of an internal error ({0}).</source>
        <translation>檢查因內部錯誤而停止（{0}）。</translation>
    </message>
    <message>
        <source>You can check again or enter the settings by hand.</source>
        <translation>您可以重新檢查，或手動輸入設定。</translation>
    </message>
    <message>
        <source>Checks cancelled. You can check again or enter the settings by hand.</source>
        <translation>檢查已取消。您可以重新檢查，或手動輸入設定。</translation>
    </message>
    <message>
        <source>Confirms that you accept the risks listed above for this server</source>
        <translation>確認您接受上面列出的這台伺服器的風險</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Set up your phone</source>
        <translation>設定您的手機</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>&amp;Copy diagnostics</source>
        <translation>複製診斷資訊(&amp;C)</translation>
    </message>
    <message>
        <source>Copies a report for your helpdesk to the clipboard; it never contains your password</source>
        <translation>把給客服人員的報告複製到剪貼簿；報告絕不包含您的密碼</translation>
    </message>
    <message>
        <source>Diagnostics report</source>
        <translation>診斷報告</translation>
    </message>
    <message>
        <source>Set up your mail program</source>
        <translation>設定您的郵件程式</translation>
    </message>
    <message>
        <source>Set up your mail program (choose your programs on the Devices page to see their own steps)</source>
        <translation>設定您的郵件程式（在「您的裝置」頁選擇您的程式，就能看到各程式專屬的步驟）</translation>
    </message>
    <message>
        <source>• {protocol}: {server} ({security})</source>
        <translation>• {protocol}：{server}，{security}</translation>
    </message>
    <message>
        <source>Your password is saved in the system keychain.</source>
        <translation>您的密碼已儲存在系統鑰匙圈中。</translation>
    </message>
    <message>
        <source>Files saved:</source>
        <translation>已儲存的檔案：</translation>
    </message>
    <message>
        <source>No files were saved.</source>
        <translation>沒有儲存任何檔案。</translation>
    </message>
    <message>
        <source>The same for the helpdesk, with codes (English):</source>
        <translation>以下為相同內容，附技術代碼（英文），供客服人員使用：</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已複製到剪貼簿。</translation>
    </message>
    <message>
        <source>Change add&amp;ress</source>
        <translation>變更地址(&amp;R)</translation>
    </message>
    <message>
        <source>Try the pass&amp;word again</source>
        <translation>重新輸入密碼(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Test the settings</source>
        <translation>測試設定(&amp;T)</translation>
    </message>
    <message>
        <source>Change the &amp;settings</source>
        <translation>修改設定(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>再試一次(&amp;T)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>複製</translation>
    </message>
    <message>
        <source>Copy the steps for {0}</source>
        <translation>複製 {0} 的步驟</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Save the settings</source>
        <translation>儲存設定</translation>
    </message>
    <message>
        <source>Folder for the files</source>
        <translation>存放檔案的資料夾</translation>
    </message>
    <message>
        <source>Signing certificate</source>
        <translation>簽署用的憑證</translation>
    </message>
    <message>
        <source>PKCS #12 files (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS #12 檔案 (*.p12 *.pfx);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>Choose at least one kind of file.</source>
        <translation>請至少選擇一種檔案。</translation>
    </message>
    <message>
        <source>Saved: {0}</source>
        <translation>已儲存：{0}</translation>
    </message>
    <message>
        <source>Replace files?</source>
        <translation>要取代檔案嗎？</translation>
    </message>
    <message>
        <source>The files you choose are saved in the folder when you press Next. You can also print the setup sheet.</source>
        <translation>按「下一步」時，您選擇的檔案會儲存到資料夾中。您也可以列印設定說明表。</translation>
    </message>
    <message>
        <source>Files made from these settings would not work either; tick them only if you need them.</source>
        <translation>用這些設定製作的檔案也無法使用；除非需要，否則請不要勾選。</translation>
    </message>
    <message>
        <source>These files are for the people who run {domain}: published on its web server, they let mail programs find these settings by themselves. You do not need them for your own mail program.</source>
        <translation>這些檔案是給管理 {domain} 的人員使用的：發布在網域的網頁伺服器上之後，郵件程式就能自動找到這些設定。設定您自己的郵件程式不需要這些檔案。</translation>
    </message>
    <message>
        <source>Nothing was saved. Choose another folder, or untick the files.</source>
        <translation>沒有儲存任何檔案。請選擇其他資料夾，或取消勾選這些檔案。</translation>
    </message>
    <message>
        <source>Saved in {0}: {1}</source>
        <translation>已儲存到 {0}：{1}</translation>
    </message>
    <message>
        <source>These files already exist:
{0}
Replace them?</source>
        <translation>這些檔案已經存在：
{0}
要取代它們嗎？</translation>
    </message>
    <message>
        <source>Save sheet as PDF</source>
        <translation>將說明表存成 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 檔案 (*.pdf)</translation>
    </message>
    <message>
        <source>Mail settings</source>
        <translation>郵件設定</translation>
    </message>
</context>
<context>
    <name>ExportWidgets</name>
    <message>
        <source>What was saved</source>
        <translation>已儲存的內容</translation>
    </message>
    <message>
        <source>Files for your mail programs</source>
        <translation>給您的郵件程式使用的檔案</translation>
    </message>
    <message>
        <source>Setup &amp;sheet to read or print (HTML)</source>
        <translation>可閱讀或列印的設定說明表（HTML）(&amp;S)</translation>
    </message>
    <message>
        <source>Apple &amp;Mail, iPhone and iPad (.mobileconfig)</source>
        <translation>Apple 郵件、iPhone 與 iPad（.mobileconfig）(&amp;M)</translation>
    </message>
    <message>
        <source>Open this file on the Mac, iPhone or iPad and install it in Settings: it fills in the account for you. The last page says how.</source>
        <translation>在 Mac、iPhone 或 iPad 上打開這個檔案，並在「設定」中安裝：它會替您填好帳戶。最後一頁會說明怎麼做。</translation>
    </message>
    <message>
        <source>Include my mail &amp;password in the Apple profile</source>
        <translation>在 Apple 描述檔中包含我的郵件密碼(&amp;P)</translation>
    </message>
    <message>
        <source>Anyone who gets the file can read the password; leave this off unless you need it</source>
        <translation>任何拿到這個檔案的人都能讀到密碼；除非必要，請不要勾選</translation>
    </message>
    <message>
        <source>Folder for the files</source>
        <translation>存放檔案的資料夾</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>瀏覽(&amp;R)…</translation>
    </message>
    <message>
        <source>Choose the folder for the files</source>
        <translation>選擇存放檔案的資料夾</translation>
    </message>
    <message>
        <source>Fol&amp;der:</source>
        <translation>資料夾(&amp;D)：</translation>
    </message>
    <message>
        <source>Print setup s&amp;heet…</source>
        <translation>列印設定說明表(&amp;H)…</translation>
    </message>
    <message>
        <source>Save sheet as PD&amp;F…</source>
        <translation>將說明表儲存為 PDF(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>開啟資料夾(&amp;O)</translation>
    </message>
    <message>
        <source>For &amp;IT administrators</source>
        <translation>給 IT 管理員(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Thunderbird and others (autoconfig, config-v1.1.xml)</source>
        <translation>Thunderbird 等程式（autoconfig，config-v1.1.xml）(&amp;T)</translation>
    </message>
    <message>
        <source>Outloo&amp;k (autodiscover.xml)</source>
        <translation>Outlook（autodiscover.xml）(&amp;K)</translation>
    </message>
    <message>
        <source>Si&amp;gn the Apple profile with my certificate</source>
        <translation>用我的憑證簽署 Apple 描述檔(&amp;G)</translation>
    </message>
    <message>
        <source>Signing certificate file (PKCS #12)</source>
        <translation>簽署用的憑證檔（PKCS #12）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Choose the signing certificate file</source>
        <translation>選擇簽署用的憑證檔</translation>
    </message>
    <message>
        <source>Password of the certificate file</source>
        <translation>憑證檔的密碼</translation>
    </message>
    <message>
        <source>Certificate fil&amp;e:</source>
        <translation>憑證檔案(&amp;E)：</translation>
    </message>
    <message>
        <source>Certificate pass&amp;word:</source>
        <translation>憑證密碼(&amp;W)：</translation>
    </message>
</context>
<context>
    <name>ManualPage</name>
    <message>
        <source>Enter the server&apos;s name.</source>
        <translation>請輸入伺服器名稱。</translation>
    </message>
    <message>
        <source>A server name has no spaces, @, / or :.</source>
        <translation>伺服器名稱不能含有空格、@、/ 或 :。</translation>
    </message>
    <message>
        <source>This is not a valid server name.</source>
        <translation>這不是有效的伺服器名稱。</translation>
    </message>
    <message>
        <source>Enter the full server name, such as mail.example.com.</source>
        <translation>請輸入完整的伺服器名稱，例如 mail.example.com。</translation>
    </message>
    <message>
        <source>{0}: server name</source>
        <translation>{0}：伺服器名稱</translation>
    </message>
    <message>
        <source>{0}: port</source>
        <translation>{0}：連接埠</translation>
    </message>
    <message>
        <source>{0}: security</source>
        <translation>{0}：安全性</translation>
    </message>
    <message>
        <source>{0}: user name</source>
        <translation>{0}：使用者名稱</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>通訊協定(&amp;P)：</translation>
    </message>
    <message>
        <source>Ser&amp;ver:</source>
        <translation>伺服器(&amp;V)：</translation>
    </message>
    <message>
        <source>Po&amp;rt:</source>
        <translation>連接埠(&amp;R)：</translation>
    </message>
    <message>
        <source>Securit&amp;y:</source>
        <translation>安全性(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>使用者名稱(&amp;U)：</translation>
    </message>
    <message>
        <source>Serv&amp;er:</source>
        <translation>伺服器(&amp;E)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>連接埠(&amp;O)：</translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation>安全性(&amp;C)：</translation>
    </message>
    <message>
        <source>User na&amp;me:</source>
        <translation>使用者名稱(&amp;M)：</translation>
    </message>
    <message>
        <source>Usually your full email address.</source>
        <translation>通常是您完整的電子郵件地址。</translation>
    </message>
    <message>
        <source>This server offers no encryption.</source>
        <translation>這台伺服器不提供加密。</translation>
    </message>
    <message>
        <source>Server settings</source>
        <translation>伺服器設定</translation>
    </message>
    <message>
        <source>Enter the settings your provider gives you. You can test them before going on.</source>
        <translation>請輸入郵件服務商提供的設定。繼續之前可以先測試。</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>找到的結果</translation>
    </message>
    <message>
        <source>Incoming mail</source>
        <translation>收件伺服器</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP)</source>
        <translation>寄件伺服器（SMTP）</translation>
    </message>
    <message>
        <source>&amp;Test these settings</source>
        <translation>測試這些設定(&amp;T)</translation>
    </message>
    <message>
        <source>Connects to both servers and checks their security</source>
        <translation>連線到兩台伺服器並檢查其安全性</translation>
    </message>
    <message>
        <source>These settings did not work. Continue any&amp;way?</source>
        <translation>這些設定無法使用。仍要繼續嗎？(&amp;W)</translation>
    </message>
    <message>
        <source>Goes on with settings that failed the test; the summary and the diagnostics say so</source>
        <translation>以測試失敗的設定繼續；摘要與診斷資訊會註明這一點</translation>
    </message>
    <message>
        <source>(passwords and mail would be sent without encryption)</source>
        <translation>（密碼與郵件會以未加密的方式傳送）</translation>
    </message>
    <message>
        <source>Not tested yet.</source>
        <translation>尚未測試。</translation>
    </message>
    <message>
        <source>Correct the highlighted fields first.</source>
        <translation>請先修正標示出來的欄位。</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>測試中…</translation>
    </message>
    <message>
        <source>These settings did not work; see the results above.</source>
        <translation>這些設定無法使用；請參閱上方的結果。</translation>
    </message>
    <message>
        <source>Both servers answered with verified encryption.</source>
        <translation>兩台伺服器都以經過驗證的加密連線回應。</translation>
    </message>
    <message>
        <source>Both servers answered.</source>
        <translation>兩台伺服器都有回應。</translation>
    </message>
    <message>
        <source>The test could not be completed.</source>
        <translation>測試無法完成。</translation>
    </message>
</context>
<context>
    <name>PasswordPage</name>
    <message>
        <source>Password (optional)</source>
        <translation>密碼（可不填）</translation>
    </message>
    <message>
        <source>You can skip this: your mail program will ask for the password. It goes into a file only if you tick “Include my mail password” on the next page.</source>
        <translation>這一步可以略過：郵件程式會向您詢問密碼。只有在下一頁勾選「在 Apple 描述檔中包含我的郵件密碼」時，密碼才會寫進檔案。</translation>
    </message>
    <message>
        <source>How you sign in</source>
        <translation>登入方式</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密碼</translation>
    </message>
    <message>
        <source>The password of your mailbox; it is shown as dots</source>
        <translation>您信箱的密碼；會以圓點顯示</translation>
    </message>
    <message>
        <source>S&amp;how the password</source>
        <translation>顯示密碼(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Remember it in the system keychain</source>
        <translation>記在系統鑰匙圈中(&amp;R)</translation>
    </message>
    <message>
        <source>Stores the password in your operating system&apos;s protected password store</source>
        <translation>將密碼存放在作業系統受保護的密碼庫中</translation>
    </message>
    <message>
        <source>Keychain status</source>
        <translation>鑰匙圈狀態</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>Allows the sign-in test to send your password to this settings service</source>
        <translation>允許登入測試把您的密碼送到這個設定服務</translation>
    </message>
    <message>
        <source>&amp;Test sign-in</source>
        <translation>測試登入(&amp;T)</translation>
    </message>
    <message>
        <source>Signs in to the incoming and outgoing server with this password, without sending mail</source>
        <translation>用這組密碼登入收件與寄件伺服器，不會寄出任何郵件</translation>
    </message>
    <message>
        <source>St&amp;op</source>
        <translation>停止(&amp;O)</translation>
    </message>
    <message>
        <source>Stops the sign-in test</source>
        <translation>停止登入測試</translation>
    </message>
    <message>
        <source>Sign in on your or&amp;ganisation&apos;s page</source>
        <translation>在貴機構的網頁登入(&amp;G)</translation>
    </message>
    <message>
        <source>Opens your organisation&apos;s sign-in page in the browser, then signs in to the incoming and outgoing server with it</source>
        <translation>在瀏覽器中打開貴機構的登入網頁，再用它登入收信與寄信伺服器</translation>
    </message>
    <message>
        <source>Sign-in progress</source>
        <translation>登入進度</translation>
    </message>
    <message>
        <source>Sign-in result</source>
        <translation>登入結果</translation>
    </message>
    <message>
        <source>There is no password to type here for this account.</source>
        <translation>這個帳戶不需要在這裡輸入密碼。</translation>
    </message>
    <message>
        <source>You are signed in. You can close this page and go back to Mail Setup Assistant.</source>
        <translation>您已經登入。可以關閉這個網頁，回到郵件設定助理。</translation>
    </message>
    <message>
        <source>There is no incoming and outgoing server to sign in to yet.</source>
        <translation>目前還沒有可以登入的收件與寄件伺服器。</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登入…</translation>
    </message>
    <message>
        <source>The sign-in test stopped because of an internal error ({0}).</source>
        <translation>登入測試因內部錯誤而停止（{0}）。</translation>
    </message>
    <message>
        <source>The sign-in test was stopped.</source>
        <translation>登入測試已停止。</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <source>QR code for Thunderbird for Android</source>
        <translation>Thunderbird for Android 用的 QR 碼</translation>
    </message>
    <message>
        <source>QR code with the link for iPhone or iPad</source>
        <translation>含 iPhone 或 iPad 連結的 QR 碼</translation>
    </message>
    <message>
        <source>Put my &amp;password in this code</source>
        <translation>把我的密碼放進這個 QR 碼(&amp;P)</translation>
    </message>
    <message>
        <source>Anyone who photographs the code can read the password; leave this off unless you need it</source>
        <translation>任何人拍下這個 QR 碼都能讀出密碼；除非必要，請勿勾選</translation>
    </message>
    <message>
        <source>Link for iPhone or iPad</source>
        <translation>iPhone 或 iPad 用的連結</translation>
    </message>
    <message>
        <source>Make a &amp;new link</source>
        <translation>產生新連結(&amp;N)</translation>
    </message>
    <message>
        <source>Thunderbird for Android</source>
        <translation>Thunderbird for Android</translation>
    </message>
    <message>
        <source>iPhone or iPad</source>
        <translation>iPhone 或 iPad</translation>
    </message>
</context>
<context>
    <name>RecommendationPage</name>
    <message>
        <source>Our recommendation</source>
        <translation>我們的建議</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Settings we will use</source>
        <translation>我們會採用的設定</translation>
    </message>
    <message>
        <source>Good to know</source>
        <translation>注意事項</translation>
    </message>
    <message>
        <source>The alternative</source>
        <translation>另一個選擇</translation>
    </message>
    <message>
        <source>Which one do you want?</source>
        <translation>您要用哪一個？</translation>
    </message>
    <message>
        <source>You chose {0}.</source>
        <translation>您選擇了 {0}。</translation>
    </message>
    <message>
        <source>We recommend {0}.</source>
        <translation>我們建議使用 {0}。</translation>
    </message>
    <message>
        <source>We suggest {0}.</source>
        <translation>我們傾向建議 {0}。</translation>
    </message>
    <message>
        <source>You may choose {0} instead.</source>
        <translation>您也可以改選 {0}。</translation>
    </message>
    <message>
        <source>You entered settings for {0} only. To use {1}, enter its server on the settings page.</source>
        <translation>您只輸入了 {0} 的設定。若要使用 {1}，請在設定頁面輸入它的伺服器。</translation>
    </message>
    <message>
        <source>Your server offers only {0}.</source>
        <translation>您的伺服器只提供 {0}。</translation>
    </message>
    <message>
        <source>Use {0} (as entered)</source>
        <translation>使用 {0}（您輸入的設定）</translation>
    </message>
    <message>
        <source>Use {0} (recommended)</source>
        <translation>使用 {0}（建議）</translation>
    </message>
    <message>
        <source>Use {0} instead</source>
        <translation>改用 {0}</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Mail Setup Assistant</source>
        <translation>郵件設定助理</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>下一步(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 上一步(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>完成(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>關於(&amp;A)</translation>
    </message>
    <message>
        <source>Finds, tests and sets up the mail servers for your address, safely.</source>
        <translation>為您的地址安全地尋找、測試並設定郵件伺服器。</translation>
    </message>
    <message>
        <source>This program is free software under the MIT license.</source>
        <translation>本程式是以 MIT 授權條款釋出的自由軟體。</translation>
    </message>
    <message>
        <source>It uses these components:</source>
        <translation>本程式使用下列元件：</translation>
    </message>
    <message>
        <source>Qt for Python is used under the LGPL version 3 as separate, replaceable libraries.</source>
        <translation>Qt for Python 依 LGPL 第 3 版授權，以獨立、可替換的函式庫形式使用。</translation>
    </message>
    <message>
        <source>About Mail Setup Assistant</source>
        <translation>關於郵件設定助理</translation>
    </message>
    <message>
        <source>Stop setting up?</source>
        <translation>要停止設定嗎？</translation>
    </message>
    <message>
        <source>Close the assistant? The servers found and your choices are lost; files you already saved are kept.</source>
        <translation>要關閉助理嗎？找到的伺服器和您的選擇都會遺失；已經儲存的檔案會保留。</translation>
    </message>
    <message>
        <source>&amp;Close the assistant</source>
        <translation>關閉助理(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Keep setting up</source>
        <translation>繼續設定(&amp;K)</translation>
    </message>
</context>
<context>
    <name>address</name>
    <message>
        <source>Please enter an email address or a domain.</source>
        <translation>請輸入電子郵件地址或網域。</translation>
    </message>
    <message>
        <source>An email address needs an @, like ann@example.com.</source>
        <translation>電子郵件地址需要有 @，例如 ann@example.com。</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: more than one @</source>
        <translation>「{text}」：有不只一個 @</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: no domain after @</source>
        <translation>「{text}」：@ 後面沒有網域</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: nothing before @</source>
        <translation>「{text}」：@ 前面沒有內容</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: the part before @ contains spaces, control or forbidden characters</source>
        <translation>「{text}」：@ 前面的部分含有空格、控制字元或不允許的字元</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: the part before @ cannot start or end with a dot or contain two dots in a row</source>
        <translation>「{text}」：@ 前面的部分不能以句點開頭或結尾，也不能有連續兩個句點</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: the part before @ is longer than 64 bytes</source>
        <translation>「{text}」：@ 前面的部分超過 64 位元組</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: &apos;{label}&apos; is not a full domain (it needs a dot, like example.com)</source>
        <translation>「{text}」：「{label}」不是完整的網域（需要有句點，例如 example.com）</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: domain label &apos;{label}&apos; is longer than 63 characters</source>
        <translation>「{text}」：網域標籤「{label}」超過 63 個字元</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: the domain is longer than 253 characters</source>
        <translation>「{text}」：網域超過 253 個字元</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: the domain has an empty label (two dots in a row?)</source>
        <translation>「{text}」：網域中有空白的標籤（是否連續打了兩個句點？）</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: invalid domain label &apos;{label}&apos;</source>
        <translation>「{text}」：網域標籤「{label}」無效</translation>
    </message>
    <message>
        <source>&apos;{text}&apos;: an IP address or numeric top-level domain is not a mail domain</source>
        <translation>「{text}」：IP 位址或純數字的頂級網域不是郵件網域</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>Thunderbird</source>
        <translation>Thunderbird</translation>
    </message>
    <message>
        <source>Thunderbird for Android</source>
        <translation>Thunderbird for Android</translation>
    </message>
    <message>
        <source>Outlook</source>
        <translation>Outlook</translation>
    </message>
    <message>
        <source>Apple Mail</source>
        <translation>Apple Mail</translation>
    </message>
    <message>
        <source>RFC 6186 clients</source>
        <translation>支援 RFC 6186 的郵件程式</translation>
    </message>
    <message>
        <source>{service} on {host}:{port} works only without encryption: passwords would cross the network readable. Switch on TLS there.</source>
        <translation>{host}:{port} 上的 {service} 只能在不加密的情況下使用：密碼會以明文在網路上傳送。請在該伺服器啟用 TLS。</translation>
    </message>
    <message>
        <source>{host}: {problem}</source>
        <translation>{host}：{problem}</translation>
    </message>
    <message>
        <source>{host}: the certificate expires on {date}, in {days} days; renew it before then.</source>
        <translation>{host}：憑證將於 {date} 到期（還有 {days} 天）；請在那之前更新。</translation>
    </message>
    <message>
        <source>The autoconfig file over plain HTTP ({url}) names other servers ({http_hosts}) than the one over HTTPS ({https_hosts}): a stale copy, or someone on the network path changing it. Serve the same file over HTTP, or none.</source>
        <translation>透過未加密 HTTP 取得的 autoconfig 檔案（{url}）列出的伺服器（{http_hosts}）與 HTTPS 上的檔案（{https_hosts}）不同：可能是過期的副本，也可能是網路路徑上有人竄改。請在 HTTP 上提供相同的檔案，或乾脆不提供。</translation>
    </message>
    <message>
        <source>The autoconfig file is served only over plain HTTP ({url}), where anyone on the path can change it; serve it over HTTPS.</source>
        <translation>autoconfig 檔案只透過未加密的 HTTP 提供（{url}），網路路徑上的任何人都能竄改；請改用 HTTPS 提供。</translation>
    </message>
    <message>
        <source>{domain} publishes no mail settings (no SRV records, no autoconfig file, no Autodiscover answer, nothing from its mail provider): mail programs can only guess or use a directory.</source>
        <translation>{domain} 沒有公布任何郵件設定（沒有 SRV 記錄、沒有 autoconfig 檔案、沒有 Autodiscover 回應，郵件服務商也沒有提供）：郵件程式只能猜測，或查詢目錄。</translation>
    </message>
    <message>
        <source>{source} names {host} for {service}, but {other_source} names {other_host}: one of them is out of date.</source>
        <translation>{source}指定的 {service} 伺服器是 {host}，但{other_source}指定的是 {other_host}：其中一個已經過時。</translation>
    </message>
    <message>
        <source>Neither {domain} nor its mail provider publishes an autoconfig file: Thunderbird has to guess unless its database knows the domain, and Thunderbird for Android finds nothing.</source>
        <translation>{domain} 和它的郵件服務商都沒有公布 autoconfig 檔案：除非 Thunderbird 的資料庫認得這個網域，否則 Thunderbird 只能猜測，Thunderbird for Android 則什麼也找不到。</translation>
    </message>
    <message>
        <source>{domain} does not answer Outlook&apos;s Autodiscover request: Outlook does not find the settings.</source>
        <translation>{domain} 沒有回應 Outlook 的 Autodiscover 要求：Outlook 找不到設定。</translation>
    </message>
    <message>
        <source>good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>problems</source>
        <translation>有問題</translation>
    </message>
    <message>
        <source>no mail server found</source>
        <translation>找不到郵件伺服器</translation>
    </message>
    <message>
        <source>no such domain</source>
        <translation>網域不存在</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未檢查</translation>
    </message>
    <message>
        <source>with problems</source>
        <translation>有問題</translation>
    </message>
    <message>
        <source>without a mail server</source>
        <translation>沒有郵件伺服器</translation>
    </message>
    <message>
        <source>not existing</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>(+{count} more)</source>
        <translation>（另有 {count} 項）</translation>
    </message>
    <message>
        <source>{total} domains: {good} good, {problems} with problems, {nothing_found} without a mail server, {no_domain} not existing, {error} not checked ({seconds} s, {rate} per minute)</source>
        <translation>共 {total} 個網域：{good} 個良好、{problems} 個有問題、{nothing_found} 個沒有郵件伺服器、{no_domain} 個不存在、{error} 個未檢查（{seconds} 秒，每分鐘 {rate} 個）</translation>
    </message>
</context>
<context>
    <name>autodiscover</name>
    <message>
        <source>Your provider&apos;s Outlook settings service ({host}) gives the settings only to someone who signs in with the mail password. “Test sign-in” asks it first, over an encrypted connection, then signs in to the servers it names.</source>
        <translation>您的郵件服務商的 Outlook 設定服務（{host}）只把設定提供給用郵件密碼登入的人。「測試登入」會先透過加密連線向它詢問，再登入它提供的伺服器。</translation>
    </message>
    <message>
        <source>Also send my password to {host}: it is not part of {domain}. Tick this only if your provider says this Outlook settings service is theirs.</source>
        <translation>也把我的密碼送到 {host}：它不在 {domain} 之內。只有在郵件服務商確認這個 Outlook 設定服務屬於他們時才勾選。</translation>
    </message>
    <message>
        <source>Your provider&apos;s Outlook settings service ({host}) accepted the password and named the servers: {servers}.</source>
        <translation>您的郵件服務商的 Outlook 設定服務（{host}）接受了密碼，並提供了伺服器：{servers}。</translation>
    </message>
    <message>
        <source>Your provider&apos;s Outlook settings service ({host}) did not accept the password.</source>
        <translation>您的郵件服務商的 Outlook 設定服務（{host}）不接受這組密碼。</translation>
    </message>
    <message>
        <source>Your provider&apos;s Outlook settings service ({host}) accepted the password, but it offers only Exchange, no IMAP, POP3 or SMTP.</source>
        <translation>您的郵件服務商的 Outlook 設定服務（{host}）接受了密碼，但只提供 Exchange，沒有 IMAP、POP3 或 SMTP。</translation>
    </message>
    <message>
        <source>Your provider&apos;s Outlook settings service ({host}) accepted the password but named no server this program can use.</source>
        <translation>您的郵件服務商的 Outlook 設定服務（{host}）接受了密碼，但沒有提供本程式能使用的伺服器。</translation>
    </message>
    <message>
        <source>Your provider&apos;s Outlook settings service ({host}) could not be asked.</source>
        <translation>無法向您的郵件服務商的 Outlook 設定服務（{host}）詢問。</translation>
    </message>
    <message>
        <source>The password was not sent to your provider&apos;s Outlook settings service ({host}): it does not offer the sign-in method this program uses (Basic).</source>
        <translation>密碼沒有送到您的郵件服務商的 Outlook 設定服務（{host}）：它不提供本程式使用的登入方式（Basic）。</translation>
    </message>
    <message>
        <source>The password was not sent to the Outlook settings service {host}: it asked about another address.</source>
        <translation>密碼沒有送到 Outlook 設定服務 {host}：它詢問的是另一個地址。</translation>
    </message>
    <message>
        <source>The password was not sent to the Outlook settings service {host}: it is not reached over an encrypted connection.</source>
        <translation>密碼沒有送到 Outlook 設定服務 {host}：與它的連線沒有加密。</translation>
    </message>
    <message>
        <source>The password was not sent to your provider&apos;s Outlook settings service ({host}): it is not part of {domain} and you did not confirm it.</source>
        <translation>密碼沒有送到您的郵件服務商的 Outlook 設定服務（{host}）：它不在 {domain} 之內，而您沒有確認它。</translation>
    </message>
</context>
<context>
    <name>diagnostics</name>
    <message>
        <source>Mail Setup Assistant {version}</source>
        <translation>郵件設定助理 {version}</translation>
    </message>
    <message>
        <source>System: {system}</source>
        <translation>系統：{system}</translation>
    </message>
    <message>
        <source>Python: {version}</source>
        <translation>Python：{version}</translation>
    </message>
    <message>
        <source>Address: {address}</source>
        <translation>電子郵件地址：{address}</translation>
    </message>
    <message>
        <source>Resolver: {resolver}</source>
        <translation>DNS 伺服器：{resolver}</translation>
    </message>
    <message>
        <source>CA file: {answer}</source>
        <translation>自訂憑證機構檔案：{answer}</translation>
    </message>
    <message>
        <source>Preset: {preset}</source>
        <translation>組織預設設定：{preset}</translation>
    </message>
    <message>
        <source>Discovery: {state}</source>
        <translation>搜尋伺服器：{state}</translation>
    </message>
    <message>
        <source>Elapsed: {ms} ms</source>
        <translation>耗時：{ms} 毫秒</translation>
    </message>
    <message>
        <source>  {protocol} {host}:{port} {security} via {source}: {status}{extra}</source>
        <translation>  {protocol} {host}:{port}（{security}，來源：{source}）：{status}{extra}</translation>
    </message>
    <message>
        <source>  warning {what}</source>
        <translation>  警告：{what}</translation>
    </message>
    <message>
        <source>Confirmed risks for: {servers}</source>
        <translation>已接受風險的伺服器：{servers}</translation>
    </message>
    <message>
        <source>Settings by hand: {answer}</source>
        <translation>手動輸入設定：{answer}</translation>
    </message>
    <message>
        <source>tested: {status}</source>
        <translation>已測試：{status}</translation>
    </message>
    <message>
        <source>  manual {protocol} {host}:{port} {security} ({tested})</source>
        <translation>  手動設定 {protocol} {host}:{port}（{security}，{tested}）</translation>
    </message>
    <message>
        <source>Manual test: {state}; continue anyway after a failed test: {answer}</source>
        <translation>手動設定測試：{state}；測試失敗後仍選擇繼續：{answer}</translation>
    </message>
    <message>
        <source>Protocol: {protocol}</source>
        <translation>收件協定：{protocol}</translation>
    </message>
    <message>
        <source>Recommended: {protocol} ({reason})</source>
        <translation>建議：{protocol}（{reason}）</translation>
    </message>
    <message>
        <source>Password given: {answer}; keychain: {keychain}</source>
        <translation>已提供密碼：{answer}；系統鑰匙圈：{keychain}</translation>
    </message>
    <message>
        <source>Exported: {files}</source>
        <translation>已儲存的檔案：{files}</translation>
    </message>
    <message>
        <source>Outcome: {status} ({reasons}); next: {next}</source>
        <translation>結果：{status}（{reasons}）；下一步：{next}</translation>
    </message>
    <message>
        <source>Mail programs: {programs}</source>
        <translation>郵件程式：{programs}</translation>
    </message>
    <message>
        <source>Sign-in test: not run</source>
        <translation>登入測試：未執行</translation>
    </message>
    <message>
        <source>Sign-in test: {result} ({ms} ms)</source>
        <translation>登入測試：{result}（{ms} 毫秒）</translation>
    </message>
    <message>
        <source>  {side} {protocol} {host}:{port} {security}: {result}{details}</source>
        <translation>  {side} {protocol} {host}:{port}（{security}）：{result}{details}</translation>
    </message>
    <message>
        <source>, certificate verified</source>
        <translation>，憑證已驗證</translation>
    </message>
    <message>
        <source>; problems: {problems}</source>
        <translation>；問題：{problems}</translation>
    </message>
    <message>
        <source>; warnings: {warnings}</source>
        <translation>；警告：{warnings}</translation>
    </message>
    <message>
        <source>Outlook settings service: {what}</source>
        <translation>Outlook 設定服務：{what}</translation>
    </message>
    <message>
        <source>Sign-in test: not run (only the sign-in page of {provider} signs in: OAuth2)</source>
        <translation>登入測試：未執行（只能透過 {provider} 的登入網頁登入：OAuth2）</translation>
    </message>
    <message>
        <source>Provider: {provider} ({methods})</source>
        <translation>郵件服務商：{provider}（{methods}）</translation>
    </message>
    <message>
        <source>The diagnostics cannot be shown without revealing the password.</source>
        <translation>無法在不洩露密碼的情況下顯示診斷資訊。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>system</source>
        <translation>系統預設</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>無法取得</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>未選擇</translation>
    </message>
    <message>
        <source>not said</source>
        <translation>未指定</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>無</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>不適用</translation>
    </message>
    <message>
        <source>UNTESTED</source>
        <translation>未測試</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>incoming</source>
        <translation>收件</translation>
    </message>
    <message>
        <source>outgoing</source>
        <translation>寄件</translation>
    </message>
    <message>
        <source>full address</source>
        <translation>完整電子郵件地址</translation>
    </message>
    <message>
        <source>local part</source>
        <translation>@ 前面的部分</translation>
    </message>
    <message>
        <source>as configured</source>
        <translation>依設定</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>已儲存</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>未要求儲存</translation>
    </message>
    <message>
        <source>not saved</source>
        <translation>未儲存</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>尚未開始</translation>
    </message>
    <message>
        <source>running</source>
        <translation>進行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>未測試</translation>
    </message>
    <message>
        <source>testing</source>
        <translation>測試中</translation>
    </message>
    <message>
        <source>worked</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>did not work</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Sign-in method: {value}</source>
        <translation>登入方式：{value}</translation>
    </message>
    <message>
        <source>Used the certificate you confirmed: {value}</source>
        <translation>使用您確認過的憑證：{value}</translation>
    </message>
    <message>
        <source>New mail announced at once (IDLE): {value}</source>
        <translation>新郵件即時通知（IDLE）：{value}</translation>
    </message>
    <message>
        <source>Storage used: {value} KiB</source>
        <translation>已用空間：{value} KiB</translation>
    </message>
    <message>
        <source>Storage limit: {value} KiB</source>
        <translation>空間上限：{value} KiB</translation>
    </message>
    <message>
        <source>Folders: {value}</source>
        <translation>資料夾數：{value}</translation>
    </message>
    <message>
        <source>Messages on the server: {value}</source>
        <translation>伺服器上的郵件：{value}</translation>
    </message>
    <message>
        <source>Remembers downloaded messages (UIDL): {value}</source>
        <translation>能記住已下載的郵件（UIDL）：{value}</translation>
    </message>
    <message>
        <source>Sign-in for sending accepted: {value}</source>
        <translation>寄件登入已接受：{value}</translation>
    </message>
</context>
<context>
    <name>discovery</name>
    <message>
        <source>The settings file {url} came over unencrypted HTTP and may have been forged by anyone on the network path. Check these servers before you trust them.</source>
        <translation>設定檔 {url} 是透過未加密的 HTTP 取得的，網路路徑上的任何人都可能偽造它。信任這些伺服器之前請先確認。</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>{domain} does not exist — check the spelling.</source>
        <translation>{domain} 不存在——請檢查拼字。</translation>
    </message>
    <message>
        <source>The mail servers of {domain} cannot be looked up: the name server did not answer. Check the network connection and try again.</source>
        <translation>無法查詢 {domain} 的郵件伺服器：名稱伺服器沒有回應。請檢查網路連線後再試一次。</translation>
    </message>
    <message>
        <source>This computer&apos;s DNS settings cannot be read, so no mail server can be looked up. Check the network connection and try again.</source>
        <translation>無法讀取這台電腦的 DNS 設定，因此無法查詢任何郵件伺服器。請檢查網路連線後再試一次。</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>{file} cannot say how long POP3 leaves mail on the server; your mail program will use its own setting.</source>
        <translation>{file} 無法記錄 POP3 要把郵件在伺服器上保留多久；您的郵件程式會使用它自己的設定。</translation>
    </message>
    <message>
        <source>{file} holds only the servers you chose; the other servers found are left out.</source>
        <translation>{file} 只包含您選擇的伺服器；找到的其他伺服器不會放進去。</translation>
    </message>
    <message>
        <source>{file} leaves out the server without encryption.</source>
        <translation>{file} 不包含未加密的伺服器。</translation>
    </message>
    <message>
        <source>{file} left out {count} technical detail(s) it cannot hold.</source>
        <translation>{file} 略過了 {count} 項它無法記錄的技術細節。</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>time limit</source>
        <translation>時間限制</translation>
    </message>
    <message>
        <source>CA certificate file</source>
        <translation>CA 憑證檔案</translation>
    </message>
    <message>
        <source>DNS server</source>
        <translation>DNS 伺服器</translation>
    </message>
    <message>
        <source>offline mode</source>
        <translation>離線模式</translation>
    </message>
    <message>
        <source>certificate fingerprint</source>
        <translation>憑證指紋</translation>
    </message>
    <message>
        <source>password variable</source>
        <translation>密碼環境變數</translation>
    </message>
    <message>
        <source>permission to use a server without encryption</source>
        <translation>使用未加密伺服器的許可</translation>
    </message>
    <message>
        <source>password in the QR code</source>
        <translation>QR 碼中的密碼</translation>
    </message>
    <message>
        <source>password in the profile</source>
        <translation>描述檔中的密碼</translation>
    </message>
    <message>
        <source>QR code text</source>
        <translation>QR 碼內容</translation>
    </message>
    <message>
        <source>output file</source>
        <translation>輸出檔案</translation>
    </message>
    <message>
        <source>network address</source>
        <translation>網路位址</translation>
    </message>
    <message>
        <source>port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>link lifetime</source>
        <translation>連結有效時間</translation>
    </message>
    <message>
        <source>permission to replace the file</source>
        <translation>取代檔案的許可</translation>
    </message>
</context>
<context>
    <name>flow</name>
    <message>
        <source>Enter a complete email address to continue.</source>
        <translation>請輸入完整的電子郵件地址以繼續。</translation>
    </message>
    <message>
        <source>Please wait until the checks have finished, or cancel them.</source>
        <translation>請等候檢查完成，或取消檢查。</translation>
    </message>
    <message>
        <source>The checks have not run yet.</source>
        <translation>尚未執行檢查。</translation>
    </message>
    <message>
        <source>Confirm the risks of the servers marked with a warning, or change the settings by hand.</source>
        <translation>請確認標有警告的伺服器的風險，或手動修改設定。</translation>
    </message>
    <message>
        <source>Correct the highlighted fields to continue.</source>
        <translation>請修正標示出來的欄位以繼續。</translation>
    </message>
    <message>
        <source>Confirm that you understand the risk of an unencrypted connection.</source>
        <translation>請確認您了解未加密連線的風險。</translation>
    </message>
    <message>
        <source>Please wait until the test has finished.</source>
        <translation>請等待測試完成。</translation>
    </message>
    <message>
        <source>Press “Test these settings” first: we check that they work before you go on.</source>
        <translation>請先按「測試這些設定」：繼續之前我們會確認設定可以使用。</translation>
    </message>
    <message>
        <source>These settings did not work. Correct them and test again, or tick “Continue anyway”.</source>
        <translation>這些設定無法使用。請修正後再測試一次，或勾選「仍要繼續嗎？」。</translation>
    </message>
    <message>
        <source>Please wait until the sign-in test has finished, or stop it.</source>
        <translation>請等登入測試完成，或將它停止。</translation>
    </message>
    <message>
        <source>{host} port {port} sends your password and mail without encryption; anyone on the network path can read them.</source>
        <translation>{host} 的連接埠 {port} 會以未加密的方式傳送您的密碼與郵件；網路路徑上的任何人都能讀取。</translation>
    </message>
    <message>
        <source>The certificate of {host} could not be verified, so the connection could be intercepted.</source>
        <translation>無法驗證 {host} 的憑證，因此連線可能遭到攔截。</translation>
    </message>
    <message>
        <source>{host} is outside your address&apos;s domain; make sure your provider really uses this server.</source>
        <translation>{host} 不在您地址的網域內；請確認您的郵件服務商確實使用這台伺服器。</translation>
    </message>
    <message>
        <source>{host} accepted data injected before encryption started (a known STARTTLS weakness).</source>
        <translation>{host} 接受了在加密開始前被注入的資料（已知的 STARTTLS 弱點）。</translation>
    </message>
    <message>
        <source>The settings for {host} came over an unprotected channel and could have been altered.</source>
        <translation>{host} 的設定是經由未受保護的管道取得的，可能已遭竄改。</translation>
    </message>
    <message>
        <source>&amp;I understand the risks and want to use {host} anyway</source>
        <translation>我了解風險，仍要使用 {host}(&amp;I)</translation>
    </message>
</context>
<context>
    <name>keychain</name>
    <message>
        <source>The password was not saved in the system keychain: the server rejected it in the sign-in test. Correct it and test again.</source>
        <translation>密碼未儲存到系統鑰匙圈：伺服器在登入測試中拒絕了這組密碼。請更正後再測試一次。</translation>
    </message>
    <message>
        <source>The password was not saved in the system keychain because the sign-in test did not succeed with it.</source>
        <translation>由於使用這組密碼的登入測試沒有成功，密碼未儲存到系統鑰匙圈。</translation>
    </message>
</context>
<context>
    <name>lists</name>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source> (</source>
        <translation>（</translation>
    </message>
    <message>
        <source>)</source>
        <translation>）</translation>
    </message>
</context>
<context>
    <name>messages</name>
    <message>
        <source>{domain}: this domain does not exist (DNS answered NXDOMAIN)</source>
        <translation>{domain}：這個網域不存在（DNS 回答 NXDOMAIN）</translation>
    </message>
    <message>
        <source>DNS failed ({server}): {reason}</source>
        <translation>DNS 查詢失敗（{server}）：{reason}</translation>
    </message>
    <message>
        <source>{name}: no such domain</source>
        <translation>{name}：沒有這個網域</translation>
    </message>
    <message>
        <source>{name}: no such host</source>
        <translation>{name}：沒有這台主機</translation>
    </message>
    <message>
        <source>{name} {rdtype}: the DNS server did not answer in time</source>
        <translation>{name} {rdtype}：DNS 伺服器沒有及時回應</translation>
    </message>
    <message>
        <source>{name} {rdtype}: no usable answer (SERVFAIL or refused)</source>
        <translation>{name} {rdtype}：沒有可用的回應（SERVFAIL 或遭拒絕）</translation>
    </message>
    <message>
        <source>{name}: the system resolver did not answer in time</source>
        <translation>{name}：系統的名稱解析沒有及時回應</translation>
    </message>
    <message>
        <source>{name}: {detail}</source>
        <translation>{name}：{detail}</translation>
    </message>
    <message>
        <source>cannot read the system&apos;s DNS configuration ({detail})</source>
        <translation>無法讀取系統的 DNS 設定（{detail}）</translation>
    </message>
    <message>
        <source>{name}: not a valid DNS name</source>
        <translation>{name}：不是有效的網域名稱</translation>
    </message>
    <message>
        <source>{name} {rdtype}: the DNS lookup failed ({detail})</source>
        <translation>{name} {rdtype}：DNS 查詢失敗（{detail}）</translation>
    </message>
    <message>
        <source>{name}: has no IPv4 or IPv6 address</source>
        <translation>{name}：沒有 IPv4 或 IPv6 位址</translation>
    </message>
    <message>
        <source>{where}: no answer within {seconds} s</source>
        <translation>{where}：{seconds} 秒內沒有回應</translation>
    </message>
    <message>
        <source>{where}: connection refused</source>
        <translation>{where}：連線遭拒絕</translation>
    </message>
    <message>
        <source>{where}: {detail}</source>
        <translation>{where}：{detail}</translation>
    </message>
    <message>
        <source>{where}: the server&apos;s certificate could not be verified ({detail})</source>
        <translation>{where}：無法驗證伺服器的憑證（{detail}）</translation>
    </message>
    <message>
        <source>{where}: no TLS version in common (we require TLS 1.2 or newer)</source>
        <translation>{where}：沒有雙方都支援的 TLS 版本（本程式要求 TLS 1.2 或更新版本）</translation>
    </message>
    <message>
        <source>{where}: the server did not answer with TLS (this port may expect plaintext or STARTTLS)</source>
        <translation>{where}：伺服器沒有以 TLS 回應（這個連接埠可能要用未加密連線或 STARTTLS）</translation>
    </message>
    <message>
        <source>{where}: the TLS handshake failed ({detail})</source>
        <translation>{where}：TLS 交握失敗（{detail}）</translation>
    </message>
    <message>
        <source>{where}: the TLS handshake did not finish in time</source>
        <translation>{where}：TLS 交握沒有及時完成</translation>
    </message>
    <message>
        <source>{where}: the connection broke during the TLS handshake ({detail})</source>
        <translation>{where}：TLS 交握期間連線中斷（{detail}）</translation>
    </message>
    <message>
        <source>{where}: no answer to the {phase} in time</source>
        <translation>{where}：沒有及時收到{phase}</translation>
    </message>
    <message>
        <source>{where}: the connection broke while waiting for the {phase} ({detail})</source>
        <translation>{where}：等待{phase}時連線中斷（{detail}）</translation>
    </message>
    <message>
        <source>TLS handshake</source>
        <translation>TLS 交握</translation>
    </message>
    <message>
        <source>greeting</source>
        <translation>伺服器的問候訊息</translation>
    </message>
    <message>
        <source>{protocol} greeting</source>
        <translation>{protocol} 伺服器的問候訊息</translation>
    </message>
    <message>
        <source>answer to {command}</source>
        <translation>{command} 指令的回應</translation>
    </message>
    <message>
        <source>connect</source>
        <translation>連線</translation>
    </message>
    <message>
        <source>{phase}</source>
        <translation>{phase}</translation>
    </message>
    <message>
        <source>{reason}; this system also refused the obsolete versions, so the server may only speak TLS 1.0/1.1 or something else is wrong</source>
        <translation>{reason}；這部電腦也拒絕了過時的版本，所以伺服器可能只支援 TLS 1.0/1.1，或是有其他問題</translation>
    </message>
    <message>
        <source>{host}: the server sent a line longer than {limit} bytes while we waited for the {phase}</source>
        <translation>{host}：等待{phase}時，伺服器送出超過 {limit} 位元組的一行資料</translation>
    </message>
    <message>
        <source>{host}: the server closed the connection while we waited for the {phase}</source>
        <translation>{host}：等待{phase}時，伺服器關閉了連線</translation>
    </message>
    <message>
        <source>{host}: the connection is already closed</source>
        <translation>{host}：連線已經關閉</translation>
    </message>
    <message>
        <source>{host}: the server sent data after agreeing to STARTTLS and before encryption (a sign of an attempted injection); this server was not used</source>
        <translation>{host}：伺服器同意 STARTTLS 後、加密開始前就送出了資料（這是有人企圖注入資料的跡象）；已不使用這台伺服器</translation>
    </message>
    <message>
        <source>{host}: the connection closed during the TLS handshake</source>
        <translation>{host}：TLS 交握期間連線被關閉</translation>
    </message>
    <message>
        <source>{host}: the server answered with an IMAP literal, which a probe never needs; refused</source>
        <translation>{host}：伺服器以 IMAP 字面值回應，檢測時不需要這種回應；已拒絕</translation>
    </message>
    <message>
        <source>{host}: the IMAP server refused the connection (BYE)</source>
        <translation>{host}：IMAP 伺服器拒絕了連線（BYE）</translation>
    </message>
    <message>
        <source>{host}: the greeting is not an IMAP greeting</source>
        <translation>{host}：伺服器的問候訊息不是 IMAP 的問候訊息</translation>
    </message>
    <message>
        <source>{host}: unexpected line in the answer to {command}</source>
        <translation>{host}：{command} 的回應中有意外的內容</translation>
    </message>
    <message>
        <source>{host}: the answer to {command} has too many lines</source>
        <translation>{host}：{command} 的回應行數過多</translation>
    </message>
    <message>
        <source>{host}: the server refused the CAPABILITY command</source>
        <translation>{host}：伺服器拒絕了 CAPABILITY 指令</translation>
    </message>
    <message>
        <source>{host}: the server listed no IMAP capabilities</source>
        <translation>{host}：伺服器沒有列出任何 IMAP 功能</translation>
    </message>
    <message>
        <source>{host}: the server refused {command}; we do not continue without encryption</source>
        <translation>{host}：伺服器拒絕了 {command}；沒有加密就不會繼續</translation>
    </message>
    <message>
        <source>{host}: the server skipped authentication before encryption (PREAUTH), so STARTTLS is impossible; this is a downgrade, not used</source>
        <translation>{host}：伺服器在加密前就跳過了登入（PREAUTH），因此無法使用 STARTTLS；這是降級攻擊的手法，已不使用</translation>
    </message>
    <message>
        <source>{host}: the server does not offer STARTTLS; we do not continue without encryption</source>
        <translation>{host}：這台伺服器不提供加密（STARTTLS）；沒有加密就不會繼續</translation>
    </message>
    <message>
        <source>{host}: the POP3 server refused the connection</source>
        <translation>{host}：POP3 伺服器拒絕了連線</translation>
    </message>
    <message>
        <source>{host}: the greeting is not a POP3 greeting</source>
        <translation>{host}：伺服器的問候訊息不是 POP3 的問候訊息</translation>
    </message>
    <message>
        <source>{host}: unexpected answer to {command}</source>
        <translation>{host}：{command} 的回應出乎意料</translation>
    </message>
    <message>
        <source>{host}: the {phase} is not an SMTP reply</source>
        <translation>{host}：{phase}不是 SMTP 回應</translation>
    </message>
    <message>
        <source>{host}: the {phase} has too many lines</source>
        <translation>{host}：{phase}的行數過多</translation>
    </message>
    <message>
        <source>{host}: the SMTP server refused the connection ({code})</source>
        <translation>{host}：SMTP 伺服器拒絕了連線（{code}）</translation>
    </message>
    <message>
        <source>{host}: the server refused EHLO ({code})</source>
        <translation>{host}：伺服器拒絕了 EHLO（{code}）</translation>
    </message>
    <message>
        <source>{where}: The server only offers {version}, which is obsolete and unsafe; it needs TLS 1.2 or newer.</source>
        <translation>{where}：伺服器只提供 {version}，這個版本已過時且不安全；需要 TLS 1.2 或更新的版本。</translation>
    </message>
    <message>
        <source>an old TLS version</source>
        <translation>舊版 TLS</translation>
    </message>
    <message>
        <source>cancelled: a better server was found</source>
        <translation>已取消：找到了更好的伺服器</translation>
    </message>
    <message>
        <source>not finished within the time limit ({seconds} s)</source>
        <translation>沒有在時限（{seconds} 秒）內完成</translation>
    </message>
    <message>
        <source>internal error: {detail}</source>
        <translation>內部錯誤：{detail}</translation>
    </message>
    <message>
        <source>{domain}: the probe found no usable IMAP or POP3 server</source>
        <translation>{domain}：沒有找到可用的 IMAP 或 POP3 伺服器</translation>
    </message>
    <message>
        <source>{domain}: the probe found no usable {protocol} server (choose the other protocol or probe again)</source>
        <translation>{domain}：沒有找到可用的 {protocol} 伺服器（請選擇另一種通訊協定，或重新檢查）</translation>
    </message>
    <message>
        <source>{domain}: the probe found no usable SMTP server for sending</source>
        <translation>{domain}：沒有找到可用來寄件的 SMTP 伺服器</translation>
    </message>
    <message>
        <source>the server offers neither a usable IMAP nor a usable POP3 server</source>
        <translation>伺服器既沒有可用的 IMAP，也沒有可用的 POP3 伺服器</translation>
    </message>
    <message>
        <source>mobileconfig: {provider} accepts only sign-in on its own page (OAuth2), which an Apple profile cannot describe. Add the account on the iPhone or iPad in Settings › Apps › Mail › Mail Accounts › Add Account › {account}, on a Mac in System Settings › Internet Accounts › Add Account › {account}.</source>
        <translation>mobileconfig：{provider} 只接受在它自己的網頁登入（OAuth2），Apple 描述檔無法描述這種登入方式。請在 iPhone 或 iPad 的「設定」›「App」›「郵件」›「郵件帳號」›「加入帳號」›「{account}」加入帳戶，在 Mac 上則是「系統設定」›「網際網路帳號」›「加入帳號」›「{account}」。</translation>
    </message>
    <message>
        <source>mobileconfig: {provider} accepts only sign-in on its own page (OAuth2), which an Apple profile cannot describe; add the account in a mail program that opens that page.</source>
        <translation>mobileconfig：{provider} 只接受在它自己的網頁登入（OAuth2），Apple 描述檔無法描述這種登入方式；請在會打開該網頁的郵件程式中加入帳戶。</translation>
    </message>
    <message>
        <source>autodiscover: {provider} accepts only sign-in on its own page (OAuth2), which an Autodiscover file cannot describe; Outlook finds the settings of {provider} by itself.</source>
        <translation>autodiscover：{provider} 只接受在它自己的網頁登入（OAuth2），Autodiscover 檔案無法描述這種登入方式；Outlook 會自己找到 {provider} 的設定。</translation>
    </message>
    <message>
        <source>a sign-in on the organisation&apos;s own page needs a preset with [oauth2] client_id and its endpoints (see docs/presets.md)</source>
        <translation>要在機構自己的網頁登入，需要含有 [oauth2] client_id 與其端點的預設設定檔（請參閱 docs/presets.md）</translation>
    </message>
    <message>
        <source>the sign-in page did not let this program in ({error})</source>
        <translation>登入網頁沒有讓這個程式登入（{error}）</translation>
    </message>
    <message>
        <source>the sign-in page came back with an answer that is not for this sign-in; nothing was used</source>
        <translation>登入網頁傳回的回應不屬於這次登入；沒有使用任何內容</translation>
    </message>
    <message>
        <source>the sign-in page did not come back within {seconds} s</source>
        <translation>登入網頁沒有在 {seconds} 秒內回應</translation>
    </message>
    <message>
        <source>{url}: no access token ({detail})</source>
        <translation>{url}：沒有取得存取權杖（{detail}）</translation>
    </message>
    <message>
        <source>{path}: cannot write ({detail})</source>
        <translation>{path}：無法寫入（{detail}）</translation>
    </message>
    <message>
        <source>{path}: folder {folder} does not exist</source>
        <translation>{path}：資料夾 {folder} 不存在</translation>
    </message>
    <message>
        <source>{path}: is a folder, expected a file name</source>
        <translation>{path}：這是資料夾，需要的是檔案名稱</translation>
    </message>
    <message>
        <source>{path}: already exists (use {field} to replace it)</source>
        <translation>{path}：檔案已經存在（要取代它，需要{field}）</translation>
    </message>
    <message>
        <source>{path}: is a symbolic link to {what}; it is not replaced ({hint})</source>
        <translation>{path}：是指向{what}的符號連結；不會被取代（{hint}）</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>a file</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>remove the link or write to its target</source>
        <translation>請移除連結，或直接寫入它指向的位置</translation>
    </message>
    <message>
        <source>use another name</source>
        <translation>請使用其他名稱</translation>
    </message>
    <message>
        <source>{path}: is not a regular file (a socket or block device); not written</source>
        <translation>{path}：不是一般檔案（而是通訊端或區塊裝置）；未寫入</translation>
    </message>
    <message>
        <source>{path}: is a pipe nobody reads from; not written</source>
        <translation>{path}：是沒有人讀取的管道；未寫入</translation>
    </message>
    <message>
        <source>invalid file name</source>
        <translation>檔案名稱無效</translation>
    </message>
    <message>
        <source>{path}: cannot make this folder ({detail})</source>
        <translation>{path}：無法建立這個資料夾（{detail}）</translation>
    </message>
    <message>
        <source>{path}: is not a folder</source>
        <translation>{path}：不是資料夾</translation>
    </message>
    <message>
        <source>{path}: no such file</source>
        <translation>{path}：找不到這個檔案</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({detail})</source>
        <translation>{path}：無法讀取（{detail}）</translation>
    </message>
    <message>
        <source>{path}: is a folder, expected a {what}</source>
        <translation>{path}：這是資料夾，需要的是{what}</translation>
    </message>
    <message>
        <source>{path}: is not a regular file (a device, pipe or socket), expected a {what}</source>
        <translation>{path}：不是一般檔案（而是裝置、管道或通訊端），需要的是{what}</translation>
    </message>
    <message>
        <source>{path}: larger than {kib} KiB, not a {what}</source>
        <translation>{path}：大於 {kib} KiB，不是{what}</translation>
    </message>
    <message>
        <source>{path}: cannot open the PKCS#12 file (wrong password, or not PKCS#12)</source>
        <translation>{path}：無法開啟 PKCS#12 檔案（密碼錯誤，或不是 PKCS#12 檔案）</translation>
    </message>
    <message>
        <source>{path}: the PKCS#12 file needs both a certificate and its private key</source>
        <translation>{path}：PKCS#12 檔案必須同時包含憑證和它的私密金鑰</translation>
    </message>
    <message>
        <source>{path}: only RSA and EC keys can sign profiles</source>
        <translation>{path}：只有 RSA 和 EC 金鑰可以簽署設定檔</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>設定檔</translation>
    </message>
    <message>
        <source>mobileconfig profile</source>
        <translation>Apple 設定檔（mobileconfig）</translation>
    </message>
    <message>
        <source>probe JSON file</source>
        <translation>檢測結果 JSON 檔案</translation>
    </message>
    <message>
        <source>PKCS#12 file</source>
        <translation>PKCS#12 檔案</translation>
    </message>
    <message>
        <source>certificate has expired</source>
        <translation>憑證已過期</translation>
    </message>
    <message>
        <source>certificate is not yet valid</source>
        <translation>憑證尚未生效</translation>
    </message>
    <message>
        <source>self-signed certificate</source>
        <translation>自行簽署的憑證</translation>
    </message>
    <message>
        <source>self signed certificate</source>
        <translation>自行簽署的憑證</translation>
    </message>
    <message>
        <source>self-signed certificate in certificate chain</source>
        <translation>憑證鏈中有自行簽署的憑證</translation>
    </message>
    <message>
        <source>unable to get local issuer certificate</source>
        <translation>找不到簽發機構的憑證</translation>
    </message>
    <message>
        <source>Hostname mismatch, certificate is not valid for &apos;{host}&apos;.</source>
        <translation>主機名稱不符，憑證不適用於「{host}」。</translation>
    </message>
    <message>
        <source>the network is unreachable</source>
        <translation>無法連上網路</translation>
    </message>
    <message>
        <source>no route to the host</source>
        <translation>沒有通往這台主機的路由</translation>
    </message>
    <message>
        <source>the connection was reset</source>
        <translation>連線被重設</translation>
    </message>
    <message>
        <source>the connection was aborted</source>
        <translation>連線被中止</translation>
    </message>
    <message>
        <source>the other side closed the connection</source>
        <translation>對方關閉了連線</translation>
    </message>
    <message>
        <source>the connection timed out</source>
        <translation>連線逾時</translation>
    </message>
    <message>
        <source>the address cannot be used from this computer</source>
        <translation>這台電腦無法使用這個位址</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>權限不足</translation>
    </message>
    <message>
        <source>not permitted (a firewall may block it)</source>
        <translation>不允許（可能被防火牆阻擋）</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁碟已滿</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>磁碟是唯讀的</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>找不到這個檔案或資料夾</translation>
    </message>
    <message>
        <source>the name is too long</source>
        <translation>名稱太長</translation>
    </message>
    <message>
        <source>the name server is temporarily unavailable</source>
        <translation>名稱伺服器暫時無法使用</translation>
    </message>
    <message>
        <source>the name server failed</source>
        <translation>名稱伺服器發生錯誤</translation>
    </message>
</context>
<context>
    <name>outcome</name>
    <message>
        <source>Ready to use</source>
        <translation>可以使用了</translation>
    </message>
    <message>
        <source>Settings ready</source>
        <translation>設定已就緒</translation>
    </message>
    <message>
        <source>Ready, with a risk you accepted</source>
        <translation>可以使用（您已接受風險）</translation>
    </message>
    <message>
        <source>Not working yet</source>
        <translation>目前還無法使用</translation>
    </message>
    <message>
        <source>Not tested yet</source>
        <translation>尚未測試</translation>
    </message>
    <message>
        <source>Your account {address} is ready to use.</source>
        <translation>您的帳戶 {address} 已經可以使用。</translation>
    </message>
    <message>
        <source>The settings for {address} work; your password has not been tested.</source>
        <translation>{address} 的設定可以使用；您的密碼還沒有測試過。</translation>
    </message>
    <message>
        <source>Your account {address} can be used, with a risk you accepted.</source>
        <translation>您的帳戶 {address} 可以使用，但您接受了一項風險。</translation>
    </message>
    <message>
        <source>Your account {address} is not working yet.</source>
        <translation>您的帳戶 {address} 目前還無法使用。</translation>
    </message>
    <message>
        <source>The settings for {address} were not tested, so nobody knows yet whether they work.</source>
        <translation>{address} 的設定尚未測試，所以還不知道能不能使用。</translation>
    </message>
    <message>
        <source>{domain} does not exist — check the spelling.</source>
        <translation>{domain} 不存在——請檢查拼字。</translation>
    </message>
    <message>
        <source>The name server did not answer, so the mail servers of {domain} could not be found.</source>
        <translation>網域名稱伺服器沒有回應，所以找不到 {domain} 的郵件伺服器。</translation>
    </message>
    <message>
        <source>No working mail servers were found for {domain}.</source>
        <translation>找不到 {domain} 可用的郵件伺服器。</translation>
    </message>
    <message>
        <source>There is no complete pair of incoming and outgoing servers.</source>
        <translation>沒有一組完整的收件與寄件伺服器。</translation>
    </message>
    <message>
        <source>The server settings did not work when they were tested.</source>
        <translation>伺服器設定在測試時無法使用。</translation>
    </message>
    <message>
        <source>Signing in on your organisation&apos;s own page worked.</source>
        <translation>在貴機構自己的網頁登入成功。</translation>
    </message>
    <message>
        <source>Both servers answered when the settings were tested; signing in was not tested.</source>
        <translation>測試設定時兩台伺服器都有回應；登入則沒有測試。</translation>
    </message>
    <message>
        <source>Your password was not tested: it is never sent to a server that cannot protect it.</source>
        <translation>您的密碼沒有測試：本程式絕不會把密碼送到無法保護它的伺服器。</translation>
    </message>
    <message>
        <source>You accepted the certificate of {hosts}; your mail program will ask you to accept it too.</source>
        <translation>您已接受 {hosts} 的憑證；您的郵件程式也會要求您接受它。</translation>
    </message>
    <message>
        <source>You chose to continue anyway.</source>
        <translation>您選擇繼續進行。</translation>
    </message>
    <message>
        <source>You entered the settings by hand and did not test them.</source>
        <translation>您手動輸入了設定，但沒有測試。</translation>
    </message>
    <message>
        <source>The server did not accept your user name or password.</source>
        <translation>伺服器不接受您的使用者名稱或密碼。</translation>
    </message>
    <message>
        <source>The sign-in test with your password did not succeed.</source>
        <translation>用您的密碼進行的登入測試沒有成功。</translation>
    </message>
    <message>
        <source>Signing in with your password worked.</source>
        <translation>用您的密碼登入成功。</translation>
    </message>
    <message>
        <source>The servers answered and their encryption was verified.</source>
        <translation>伺服器有回應，而且加密連線已通過驗證。</translation>
    </message>
    <message>
        <source>{hosts}: your password and mail travel without encryption.</source>
        <translation>{hosts}：您的密碼和郵件會以未加密的方式傳送。</translation>
    </message>
    <message>
        <source>{hosts} is outside {domain}; you accepted it.</source>
        <translation>{hosts} 不在 {domain} 網域內；您已接受這個風險。</translation>
    </message>
    <message>
        <source>{hosts} has a known weakness when encryption starts; you accepted it.</source>
        <translation>{hosts} 在開始加密時有已知的弱點；您已接受這個風險。</translation>
    </message>
    <message>
        <source>The settings for {hosts} came over an unprotected channel; you accepted them.</source>
        <translation>{hosts} 的設定是經由未受保護的管道取得的；您已接受這個風險。</translation>
    </message>
    <message>
        <source>{provider} signs you in on its own page, so there is no password to test here: your mail program opens that page when you add the account.</source>
        <translation>{provider} 會在它自己的網頁讓您登入，所以這裡沒有密碼需要測試：您在郵件程式中加入帳戶時，程式會打開那個網頁。</translation>
    </message>
    <message>
        <source>{provider} needs an app password in mail programs, not your normal password.</source>
        <translation>在郵件程式中，{provider} 需要應用程式密碼，而不是您平常的密碼。</translation>
    </message>
    <message>
        <source>{provider} needs an authorization code in mail programs, not your normal password.</source>
        <translation>在郵件程式中，{provider} 需要授權碼，而不是您平常的密碼。</translation>
    </message>
    <message>
        <source>Now set up your mail program with the steps below.</source>
        <translation>現在請依照下面的步驟設定您的郵件程式。</translation>
    </message>
    <message>
        <source>Set up your mail program with the steps below, and ask your provider to fix the problem.</source>
        <translation>請依照下面的步驟設定您的郵件程式，並請您的郵件服務商修正這個問題。</translation>
    </message>
    <message>
        <source>Check the address and try again.</source>
        <translation>請檢查地址後再試一次。</translation>
    </message>
    <message>
        <source>Call your provider and ask for the settings of your mail account, then try again.</source>
        <translation>請打電話給您的郵件服務商，詢問您郵件帳戶的設定，然後再試一次。</translation>
    </message>
    <message>
        <source>Check your password and try again; if it still fails, ask your provider.</source>
        <translation>請檢查您的密碼後再試一次；如果仍然失敗，請洽詢您的郵件服務商。</translation>
    </message>
    <message>
        <source>Try again in a moment; if it keeps failing, call your provider.</source>
        <translation>請稍後再試一次；如果一直失敗，請打電話給您的郵件服務商。</translation>
    </message>
    <message>
        <source>When your provider has fixed it, run this assistant again.</source>
        <translation>等郵件服務商修正之後，請再執行一次這個助理。</translation>
    </message>
    <message>
        <source>Go back and test them, or test the sign-in with your password, before you rely on them.</source>
        <translation>在正式使用之前，請回上一步測試這些設定，或用您的密碼測試登入。</translation>
    </message>
    <message>
        <source>Now add the account in your mail program with the steps below; it opens the sign-in page of {provider}.</source>
        <translation>現在請依照下面的步驟在郵件程式中加入帳戶；程式會打開 {provider} 的登入網頁。</translation>
    </message>
    <message>
        <source>Make an app password at {url} and test it on the password page.</source>
        <translation>請在 {url} 建立應用程式密碼，並在密碼頁測試它。</translation>
    </message>
    <message>
        <source>Switch on IMAP/SMTP in the web settings of {provider}, make an authorization code there ({url}) and test it on the password page.</source>
        <translation>請在 {provider} 的網頁設定中開啟 IMAP/SMTP，在那裡產生授權碼（{url}），並在密碼頁測試它。</translation>
    </message>
    <message>
        <source>The certificate of {host} expired on {date}; ask your provider to renew it.</source>
        <translation>{host} 的憑證已在 {date} 過期；請您的郵件服務商更新憑證。</translation>
    </message>
    <message>
        <source>The certificate of {host} is valid only from {start}: check the date and time of this computer, or ask your provider.</source>
        <translation>{host} 的憑證要從 {start} 起才有效：請檢查這台電腦的日期與時間，或洽詢您的郵件服務商。</translation>
    </message>
    <message>
        <source>The certificate of {host} was issued for another name; ask your provider which server name to use.</source>
        <translation>{host} 的憑證是發給另一個名稱的；請向您的郵件服務商詢問該使用哪個伺服器名稱。</translation>
    </message>
    <message>
        <source>The certificate of {host} is self-signed, so nobody vouches for it; ask your provider whether that is intended.</source>
        <translation>{host} 的憑證是自行簽署的，沒有人為它擔保；請向您的郵件服務商確認這是否正常。</translation>
    </message>
    <message>
        <source>The certificate of {host} comes from an authority this computer does not trust; ask your provider or your IT department.</source>
        <translation>{host} 的憑證來自這台電腦不信任的憑證機構；請洽詢您的郵件服務商或 IT 部門。</translation>
    </message>
    <message>
        <source>{host} offers only {version}, which is no longer safe; ask your provider to update it.</source>
        <translation>{host} 只提供 {version}，已經不安全；請您的郵件服務商更新。</translation>
    </message>
    <message>
        <source>The certificate of {host} could not be verified; ask your provider about it.</source>
        <translation>無法驗證 {host} 的憑證；請洽詢您的郵件服務商。</translation>
    </message>
    <message>
        <source>The server name {host} does not exist; ask your provider for the right name.</source>
        <translation>伺服器名稱 {host} 不存在；請向您的郵件服務商詢問正確的名稱。</translation>
    </message>
    <message>
        <source>{host} did not answer on port {port}; check the port, or ask your provider.</source>
        <translation>{host} 在連接埠 {port} 沒有回應；請檢查連接埠，或洽詢您的郵件服務商。</translation>
    </message>
    <message>
        <source>{host} refused connections on port {port}; check the port, or ask your provider.</source>
        <translation>{host} 拒絕了連接埠 {port} 的連線；請檢查連接埠，或洽詢您的郵件服務商。</translation>
    </message>
    <message>
        <source>{host} could not be reached; check the network connection and try again.</source>
        <translation>無法連到 {host}；請檢查網路連線後再試一次。</translation>
    </message>
    <message>
        <source>{host} offers no encryption on port {port}; ask your provider for an encrypted server.</source>
        <translation>{host} 在連接埠 {port} 不提供加密；請向您的郵件服務商索取有加密的伺服器。</translation>
    </message>
    <message>
        <source>The encrypted connection to {host} could not be set up; check the security setting, or ask your provider.</source>
        <translation>無法與 {host} 建立加密連線；請檢查安全性設定，或洽詢您的郵件服務商。</translation>
    </message>
    <message>
        <source>{host} did not answer like a mail server on port {port}; check the port and the protocol.</source>
        <translation>{host} 在連接埠 {port} 的回應不像郵件伺服器；請檢查連接埠與通訊協定。</translation>
    </message>
</context>
<context>
    <name>phone</name>
    <message>
        <source>Open Thunderbird for Android, tap Import settings and scan this code.</source>
        <translation>開啟 Thunderbird for Android，點「匯入設定」，再掃描這個 QR 碼。</translation>
    </message>
    <message>
        <source>The phone must be on the same Wi-Fi as this computer. Scan the code with the Camera, open the link in Safari and allow the download; then open Settings › Profile Downloaded and install it. It takes a few screens, and iOS calls the profile “Not Verified” because it is not signed.</source>
        <translation>手機必須和這台電腦連在同一個 Wi-Fi。用「相機」掃描 QR 碼，在 Safari 開啟連結並允許下載；然後開啟「設定」›「已下載描述檔」安裝它。安裝要經過幾個畫面，而且因為描述檔沒有簽署，iOS 會顯示「未驗證」。</translation>
    </message>
    <message>
        <source>Making a link…</source>
        <translation>正在產生連結…</translation>
    </message>
    <message>
        <source>The link works once, for {minutes} minutes, and only while this page is open.</source>
        <translation>這個連結只能使用一次，有效 {minutes} 分鐘，而且只在這一頁開著時有效。</translation>
    </message>
    <message>
        <source>The profile was downloaded: on the iPhone or iPad open Settings › Profile Downloaded to install it. The link no longer works.</source>
        <translation>描述檔已下載：請在 iPhone 或 iPad 開啟「設定」›「已下載描述檔」來安裝。這個連結已失效。</translation>
    </message>
    <message>
        <source>The profile was sent, but the iPhone or iPad never confirmed receiving it, so the link no longer works. If the profile is not in Settings, make a new link.</source>
        <translation>描述檔已送出，但 iPhone 或 iPad 沒有確認收到，所以這個連結已失效。如果「設定」裡沒有這個描述檔，請產生新連結。</translation>
    </message>
    <message>
        <source>The link expired unused.</source>
        <translation>連結未被使用，已過期。</translation>
    </message>
    <message>
        <source>The link was stopped.</source>
        <translation>連結已停止。</translation>
    </message>
    <message>
        <source>This computer is not connected to a local network, so a phone cannot reach it. Connect it to the Wi-Fi the phone uses, then make a new link.</source>
        <translation>這台電腦沒有連上區域網路，手機無法連到它。請將電腦連上手機所用的 Wi-Fi，再產生新連結。</translation>
    </message>
    <message>
        <source>No link could be made: {reason}</source>
        <translation>無法產生連結：{reason}</translation>
    </message>
    <message>
        <source>No code could be made: {reason}</source>
        <translation>無法產生 QR 碼：{reason}</translation>
    </message>
    <message>
        <source>These settings are too long for one code (a very long name or user name). In Thunderbird for Android, add the account by hand with the settings on this page.</source>
        <translation>這些設定太長，一個 QR 碼放不下（名稱或使用者名稱非常長）。請在 Thunderbird for Android 中依照本頁的設定手動新增帳戶。</translation>
    </message>
    <message>
        <source>This code holds your password: do not let anyone photograph it.</source>
        <translation>這個 QR 碼含有您的密碼：不要讓任何人拍下它。</translation>
    </message>
    <message>
        <source>Settings without encryption are not handed to a phone by code or link. If you must use them, enter them on the phone with the values above.</source>
        <translation>沒有加密的設定不會用 QR 碼或連結交給手機。如果非用不可，請依照上面的設定值在手機上手動輸入。</translation>
    </message>
    <message>
        <source>an unexpected problem occurred.</source>
        <translation>發生了未預期的問題。</translation>
    </message>
    <message>
        <source>The server rejected the password you tested, so it is not offered for the code.</source>
        <translation>伺服器拒絕了您測試的密碼，因此不提供放進 QR 碼。</translation>
    </message>
    <message>
        <source>{provider} signs in only on its own page, which a profile cannot hold. On the iPhone or iPad open Settings › Apps › Mail › Mail Accounts › Add Account › {account} instead.</source>
        <translation>{provider} 只能在它自己的網頁登入，描述檔無法包含這種登入方式。請改在 iPhone 或 iPad 上打開「設定」›「App」›「郵件」›「郵件帳號」›「加入帳號」›「{account}」。</translation>
    </message>
    <message>
        <source>{provider} signs in only on its own page, which a profile cannot hold: add the account in a mail app that opens that page.</source>
        <translation>{provider} 只能在它自己的網頁登入，描述檔無法包含這種登入方式：請在會打開該網頁的郵件 App 中加入帳戶。</translation>
    </message>
</context>
<context>
    <name>presets</name>
    <message>
        <source>{organisation} does not allow {protocol}; it is not recommended.</source>
        <translation>{organisation} 不允許使用 {protocol}；不建議使用。</translation>
    </message>
    <message>
        <source>{host} is not one of the servers {organisation} allows; it is not recommended.</source>
        <translation>{host} 不在 {organisation} 允許的伺服器之列；不建議使用。</translation>
    </message>
    <message>
        <source>{host} uses an older TLS version than {organisation} requires; it is not recommended.</source>
        <translation>{host} 使用的 TLS 版本比 {organisation} 要求的舊；不建議使用。</translation>
    </message>
    <message>
        <source>{organisation} requires direct TLS; {host} (STARTTLS) is not recommended.</source>
        <translation>{organisation} 要求直接使用 TLS；不建議使用 {host}（STARTTLS）。</translation>
    </message>
    <message>
        <source>This address is not in a domain {organisation}&apos;s settings are meant for.</source>
        <translation>這個地址不在 {organisation} 的設定所適用的網域內。</translation>
    </message>
</context>
<context>
    <name>profile</name>
    <message>
        <source>Mail account {who}</source>
        <translation>郵件帳戶 {who}</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>郵件</translation>
    </message>
    <message>
        <source>Sets up the mail account {who} in Apple Mail.</source>
        <translation>在 Apple「郵件」中設定郵件帳戶 {who}。</translation>
    </message>
    <message>
        <source>{name} mail</source>
        <translation>{name} 郵件</translation>
    </message>
</context>
<context>
    <name>progress</name>
    <message>
        <source>SRV records</source>
        <translation>SRV 記錄</translation>
    </message>
    <message>
        <source>autoconfig file</source>
        <translation>autoconfig 設定檔</translation>
    </message>
    <message>
        <source>Outlook settings service (Autodiscover)</source>
        <translation>Outlook 設定服務（Autodiscover）</translation>
    </message>
    <message>
        <source>ISP database</source>
        <translation>ISP 資料庫</translation>
    </message>
    <message>
        <source>MX-based lookup</source>
        <translation>依 MX 記錄查詢</translation>
    </message>
    <message>
        <source>guessing</source>
        <translation>推測</translation>
    </message>
</context>
<context>
    <name>providers</name>
    <message>
        <source>LANGUAGE_CODE</source>
        <translation>zh_TW</translation>
    </message>
    <message>
        <source>{provider} accepts only its own sign-in page (OAuth2), never a password typed into a mail program.</source>
        <translation>{provider} 只接受它自己的登入網頁（OAuth2），絕不接受輸入在郵件程式中的密碼。</translation>
    </message>
    <message>
        <source>{provider} signs you in on its own page (OAuth2); a mail program that cannot do that needs an app password, not your normal password: {url}</source>
        <translation>{provider} 會在它自己的網頁讓您登入（OAuth2）；無法這樣做的郵件程式需要應用程式密碼，而不是您平常的密碼：{url}</translation>
    </message>
    <message>
        <source>{provider} needs an app password in mail programs, not your normal password: {url}</source>
        <translation>在郵件程式中，{provider} 需要應用程式密碼，而不是您平常的密碼：{url}</translation>
    </message>
    <message>
        <source>{provider} needs an authorization code in mail programs, not your normal password: switch on IMAP/SMTP in its web settings and make one there ({url}).</source>
        <translation>在郵件程式中，{provider} 需要授權碼，而不是您平常的密碼：請在它的網頁設定中開啟 IMAP/SMTP，並在那裡產生授權碼（{url}）。</translation>
    </message>
    <message>
        <source>The settings file of {provider} asks mail programs to sign in on the provider&apos;s own page (OAuth2).</source>
        <translation>{provider} 的設定檔要求郵件程式在郵件服務商自己的網頁登入（OAuth2）。</translation>
    </message>
    <message>
        <source>The settings file of {provider} allows only sign-in on the provider&apos;s own page (OAuth2), never a password.</source>
        <translation>{provider} 的設定檔只允許在郵件服務商自己的網頁登入（OAuth2），絕不接受密碼。</translation>
    </message>
    <message>
        <source>App passwords need 2-Step Verification switched on for the account.</source>
        <translation>帳戶必須先開啟兩步驟驗證，才能使用應用程式密碼。</translation>
    </message>
    <message>
        <source>App-specific passwords need two-factor authentication for the Apple Account.</source>
        <translation>Apple 帳號必須開啟雙重認證，才能使用 App 專用密碼。</translation>
    </message>
    <message>
        <source>First switch on IMAP/SMTP in the settings of the web mail.</source>
        <translation>請先在網頁版信箱的設定中開啟 IMAP/SMTP。</translation>
    </message>
    <message>
        <source>Mail programs need a plan that includes IMAP (Fastmail&apos;s Basic plan does not).</source>
        <translation>郵件程式需要包含 IMAP 的方案（Fastmail 的 Basic 方案不包含）。</translation>
    </message>
    <message>
        <source>the address&apos;s domain</source>
        <translation>地址的網域</translation>
    </message>
    <message>
        <source>the domain&apos;s MX records</source>
        <translation>網域的 MX 記錄</translation>
    </message>
    <message>
        <source>the servers&apos; names</source>
        <translation>伺服器的名稱</translation>
    </message>
    <message>
        <source>the OAuth2 issuer in the settings file</source>
        <translation>設定檔中的 OAuth2 發行者</translation>
    </message>
    <message>
        <source>the settings file</source>
        <translation>設定檔</translation>
    </message>
</context>
<context>
    <name>recommend</name>
    <message>
        <source>The server offers IMAP but not POP3, so IMAP is the only choice.</source>
        <translation>伺服器只提供 IMAP 而沒有 POP3，所以只能用 IMAP。</translation>
    </message>
    <message>
        <source>The server offers POP3 but not IMAP, so POP3 is the only choice.</source>
        <translation>伺服器只提供 POP3 而沒有 IMAP，所以只能用 POP3。</translation>
    </message>
    <message>
        <source>You entered the settings of an IMAP server, so IMAP is used.</source>
        <translation>您輸入的是 IMAP 伺服器的設定，因此使用 IMAP。</translation>
    </message>
    <message>
        <source>You entered the settings of a POP3 server, so POP3 is used.</source>
        <translation>您輸入的是 POP3 伺服器的設定，因此使用 POP3。</translation>
    </message>
    <message>
        <source>For the way you read mail, {protocol} would suit you better, for this reason:</source>
        <translation>依您閱讀郵件的方式，{protocol} 會更適合您，原因是：</translation>
    </message>
    <message>
        <source>We could not check what the incoming server offers (it did not answer, or its certificate stopped the check), so this advice is general.</source>
        <translation>我們無法確認收件伺服器提供哪些功能（它沒有回應，或它的憑證使檢查中止），因此這是一般性的建議。</translation>
    </message>
    <message>
        <source>Your settings were not tested successfully, so this advice is general: it does not know what your server offers.</source>
        <translation>您的設定未能測試成功，因此這是一般性的建議：它不知道您的伺服器提供哪些功能。</translation>
    </message>
    <message>
        <source>You also read mail in a web browser: webmail shows what is on the server, and POP3 would take the mail away from it.</source>
        <translation>您也會在網頁瀏覽器中看信：網頁郵件顯示的是伺服器上的郵件，而 POP3 會把郵件從伺服器上拿走。</translation>
    </message>
    <message>
        <source>Other people read this mailbox too: with IMAP everyone sees the same mail and what has been read or answered.</source>
        <translation>還有其他人也會讀這個信箱：使用 IMAP，大家看到的郵件相同，也看得到哪些已讀或已回覆。</translation>
    </message>
    <message>
        <source>You read this mailbox on {count} devices: IMAP keeps them all in step (read, answered, sent and deleted mail).</source>
        <translation>您在 {count} 台裝置上讀這個信箱：IMAP 會讓它們保持同步（已讀、已回覆、已寄出與已刪除的郵件）。</translation>
    </message>
    <message>
        <source>Space on the server is limited or you want mail off the server: POP3 moves it to your device.</source>
        <translation>伺服器空間有限，或您想把郵件從伺服器移走：POP3 會把郵件移到您的裝置上。</translation>
    </message>
    <message>
        <source>The mailbox on the server holds only {quota}: POP3 moves mail to your device so it does not fill up.</source>
        <translation>伺服器上的信箱只有 {quota}：POP3 會把郵件移到您的裝置上，信箱就不會滿。</translation>
    </message>
    <message>
        <source>You read mail on one computer and need all of it without a connection: POP3 keeps every message on that computer.</source>
        <translation>您只在一台電腦上看信，且沒有網路時也需要所有郵件：POP3 會把每封郵件都留在那台電腦上。</translation>
    </message>
    <message>
        <source>Nobody backs up your device: with IMAP the mail stays on the server, so losing the device does not lose the mail.</source>
        <translation>沒有人備份您的裝置：使用 IMAP，郵件會留在伺服器上，裝置遺失也不會失去郵件。</translation>
    </message>
    <message>
        <source>You rely on the provider&apos;s backups, which only cover mail kept on the server: that is IMAP.</source>
        <translation>您依賴郵件服務商的備份，而備份只涵蓋留在伺服器上的郵件：也就是 IMAP。</translation>
    </message>
    <message>
        <source>Phones and tablets get lost and have little room: IMAP keeps the mail safe on the server and only recent mail on the device.</source>
        <translation>手機與平板容易遺失，空間也小：IMAP 把郵件安全地留在伺服器上，裝置上只放最近的郵件。</translation>
    </message>
    <message>
        <source>Nothing calls for POP3: IMAP keeps your mail on the server, safe if this device breaks, and adding a phone later just works.</source>
        <translation>沒有需要 POP3 的理由：IMAP 把郵件留在伺服器上，這台裝置壞了也不怕，日後加入手機也能直接使用。</translation>
    </message>
    <message>
        <source>The server tells your mail program as soon as new mail arrives, so it appears at once.</source>
        <translation>新郵件一到，伺服器就會通知您的郵件程式，所以郵件會立即出現。</translation>
    </message>
    <message>
        <source>The server tells your mail program which messages it already has, so copies can stay on the server for a while.</source>
        <translation>伺服器會告訴您的郵件程式哪些郵件已經下載過，因此副本可以在伺服器上保留一段時間。</translation>
    </message>
    <message>
        <source>The server cannot tell your mail program which messages it already has, so messages cannot be left on the server: each one is removed once downloaded.</source>
        <translation>伺服器無法告訴您的郵件程式哪些郵件已經下載過，因此郵件無法留在伺服器上：每封郵件下載後就會被移除。</translation>
    </message>
    <message>
        <source>With POP3 on several devices, each downloads its own copies and none sees what the others did.</source>
        <translation>在多台裝置上使用 POP3 時，每台裝置會各自下載副本，彼此看不到對方做了什麼。</translation>
    </message>
    <message>
        <source>The server does not announce new mail: it shows up when your mail program next checks.</source>
        <translation>伺服器不會主動通知新郵件：要等郵件程式下次檢查時才會出現。</translation>
    </message>
    <message>
        <source>Your mail stays on the server; every device shows the same mailbox.</source>
        <translation>郵件保留在伺服器上；每台裝置看到的都是同一個信箱。</translation>
    </message>
    <message>
        <source>Your mail is downloaded to this device; the server keeps it only for a while, or not at all.</source>
        <translation>郵件會下載到這台裝置上；伺服器只保留一段時間，或完全不保留。</translation>
    </message>
    <message>
        <source>Leave messages on the server for {days} days, as a safety net, then remove them.</source>
        <translation>在伺服器上保留郵件 {days} 天作為保險，之後再刪除。</translation>
    </message>
    <message>
        <source>Remove messages from the server once they are downloaded.</source>
        <translation>郵件下載後就從伺服器上刪除。</translation>
    </message>
    <message>
        <source>Keep a copy of all messages on each computer, so mail can be read without a connection.</source>
        <translation>在每台電腦上保留所有郵件的副本，沒有網路也能看信。</translation>
    </message>
    <message>
        <source>Keep only recent messages on the device; older mail is fetched from the server when opened.</source>
        <translation>裝置上只保留最近的郵件；較舊的郵件在開啟時才從伺服器取得。</translation>
    </message>
    <message>
        <source>With POP3 your other devices would not see what you read, answered, sent or filed.</source>
        <translation>使用 POP3 的話，您的其他裝置看不到您讀過、回覆、寄出或歸檔的郵件。</translation>
    </message>
    <message>
        <source>With POP3 webmail would show an empty inbox once mail is downloaded.</source>
        <translation>使用 POP3 的話，郵件下載後網頁郵件的收件匣會是空的。</translation>
    </message>
    <message>
        <source>With POP3 the mail lives on one device and is lost with it unless you back it up.</source>
        <translation>使用 POP3 的話，郵件只存在一台裝置上，除非備份，否則裝置遺失郵件也會跟著消失。</translation>
    </message>
    <message>
        <source>With IMAP all mail stays on the server and counts against its storage.</source>
        <translation>使用 IMAP 的話，所有郵件都留在伺服器上，會佔用伺服器的儲存空間。</translation>
    </message>
    <message>
        <source>With IMAP mail not yet copied to the device needs a connection to read.</source>
        <translation>使用 IMAP 的話，尚未複製到裝置上的郵件需要連上網路才能閱讀。</translation>
    </message>
    <message>
        <source>With POP3 your mail lives only on this device: back it up, or it is lost with the device.</source>
        <translation>使用 POP3 時，您的郵件只存在這台裝置上：請備份，否則裝置遺失郵件也會消失。</translation>
    </message>
    <message>
        <source>The provider&apos;s backups do not cover mail POP3 has removed from the server.</source>
        <translation>郵件服務商的備份不包含已被 POP3 從伺服器上移走的郵件。</translation>
    </message>
    <message>
        <source>IMAP keeps all mail on the server: delete or archive old mail before the mailbox is full.</source>
        <translation>IMAP 把所有郵件留在伺服器上：請在信箱滿之前刪除或封存舊郵件。</translation>
    </message>
    <message>
        <source>The mailbox on the server holds {quota}; watch how full it is.</source>
        <translation>伺服器上的信箱容量為 {quota}；請留意使用量。</translation>
    </message>
    <message>
        <source>IMAP is not a backup: mail deleted on one device is deleted everywhere.</source>
        <translation>IMAP 不是備份：在一台裝置上刪除的郵件，在所有裝置上都會被刪除。</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>Everything works: the mail servers for {who} were found, are safe, and the password was accepted for receiving and sending.</source>
        <translation>一切正常：已找到 {who} 的郵件伺服器，它們是安全的，且收件與寄件伺服器都接受了密碼。</translation>
    </message>
    <message>
        <source>Safe mail servers for {who} were found. The password was not tested.</source>
        <translation>已找到 {who} 的安全郵件伺服器。密碼未經測試。</translation>
    </message>
    <message>
        <source>Safe mail servers for {who} were found, but signing in did not work (details below).</source>
        <translation>已找到 {who} 的安全郵件伺服器，但登入失敗（詳見下方）。</translation>
    </message>
    <message>
        <source>The password was not sent, to protect it: a server could not prove it is genuine or would not encrypt the connection (details below).</source>
        <translation>為了保護密碼，密碼沒有送出：有伺服器無法證明自己的身分，或不願加密連線（詳見下方）。</translation>
    </message>
    <message>
        <source>No safe incoming and outgoing mail server was found for {who}.</source>
        <translation>沒有找到 {who} 的安全收件與寄件伺服器。</translation>
    </message>
</context>
<context>
    <name>secrets</name>
    <message>
        <source>No system keychain is available on this computer, so the password was not saved. You will type it in your mail program instead.</source>
        <translation>這台電腦沒有可用的系統鑰匙圈，因此密碼沒有儲存。請改在郵件程式中輸入密碼。</translation>
    </message>
    <message>
        <source>The system keychain is locked or refused access, so the password was not saved. Unlock it and try again, or type the password in your mail program.</source>
        <translation>系統鑰匙圈已鎖定或拒絕存取，因此密碼沒有儲存。請解鎖後再試一次，或在郵件程式中輸入密碼。</translation>
    </message>
    <message>
        <source>The system keychain could not save the password ({reason}). Nothing was saved.</source>
        <translation>系統鑰匙圈無法儲存密碼（{reason}）。沒有儲存任何東西。</translation>
    </message>
    <message>
        <source>There is no password to save.</source>
        <translation>沒有可儲存的密碼。</translation>
    </message>
</context>
<context>
    <name>sheet</name>
    <message>
        <source>Mail settings for {who}</source>
        <translation>{who} 的郵件設定</translation>
    </message>
    <message>
        <source>Enter these settings in your mail app. Your password is not on this sheet: type it in yourself when the app asks.</source>
        <translation>請在郵件程式中輸入這些設定。這張說明表上沒有您的密碼：程式詢問時請自行輸入。</translation>
    </message>
    <message>
        <source>Incoming mail ({protocol})</source>
        <translation>收件伺服器（{protocol}）</translation>
    </message>
    <message>
        <source>Appl&amp;e Mail (Mac)</source>
        <translation>Apple 郵件（Mac）(&amp;E)</translation>
    </message>
    <message>
        <source>T&amp;hunderbird</source>
        <translation>Thunderbird(&amp;H)</translation>
    </message>
    <message>
        <source>iPhone or iPa&amp;d</source>
        <translation>iPhone 或 iPad(&amp;D)</translation>
    </message>
    <message>
        <source>And&amp;roid</source>
        <translation>Android(&amp;R)</translation>
    </message>
    <message>
        <source>Apple Mail on macOS</source>
        <translation>macOS 上的 Apple 郵件</translation>
    </message>
    <message>
        <source>Any mail program</source>
        <translation>任何郵件程式</translation>
    </message>
    <message>
        <source>Enter {address}, open Advanced options, tick “Let me set up my account manually” and choose Connect.</source>
        <translation>輸入 {address}，開啟「進階選項」，勾選「讓我手動設定我的帳戶」，然後選擇「連線」。</translation>
    </message>
    <message>
        <source>Choose {protocol}, enter the server values, then your password.</source>
        <translation>選擇 {protocol}，輸入伺服器的各項設定值，再輸入您的密碼。</translation>
    </message>
    <message>
        <source>In Mail choose Mail › Settings › Accounts › + › Other Mail Account.</source>
        <translation>在「郵件」App 中選擇「郵件」›「設定」›「帳號」›「+」›「其他郵件帳號」。</translation>
    </message>
    <message>
        <source>Enter your name, {address} and your password; choose Sign In.</source>
        <translation>輸入您的名稱、{address} 和密碼，然後選擇「登入」。</translation>
    </message>
    <message>
        <source>Enter your name, {address} and your password; choose Next.</source>
        <translation>輸入您的名稱、{address} 和密碼，然後選擇「下一步」。</translation>
    </message>
    <message>
        <source>Choose {protocol} and fill in the server values; then Save.</source>
        <translation>選擇 {protocol} 並填入伺服器的各項設定值，然後選擇「儲存」。</translation>
    </message>
    <message>
        <source>The file holds the server values; you need them only to set the account up by hand.</source>
        <translation>這個檔案已包含伺服器的各項設定值；只有手動設定帳戶時才需要它們。</translation>
    </message>
    <message>
        <source>In Thunderbird open ≡ › Account Settings › Account Actions › Add Mail Account.</source>
        <translation>在 Thunderbird 中打開 ≡ ›「帳號設定」›「帳號動作」›「新增郵件帳號」。</translation>
    </message>
    <message>
        <source>Enter your name, {address} and your password; choose Configure manually.</source>
        <translation>輸入您的名稱、{address} 和密碼，然後選擇「手動設定」。</translation>
    </message>
    <message>
        <source>Enter the server values, choose Re-test, then Done.</source>
        <translation>輸入伺服器的各項設定值，選擇「重新測試」，然後選擇「完成」。</translation>
    </message>
    <message>
        <source>&amp;Outlook (classic)</source>
        <translation>Outlook（傳統版）(&amp;O)</translation>
    </message>
    <message>
        <source>New O&amp;utlook for Windows (replaces Windows Mail)</source>
        <translation>新版 Windows 版 Outlook（取代 Windows 郵件）(&amp;U)</translation>
    </message>
    <message>
        <source>Classic Outlook on Windows</source>
        <translation>Windows 上的傳統版 Outlook</translation>
    </message>
    <message>
        <source>New Outlook for Windows</source>
        <translation>新版 Windows 版 Outlook</translation>
    </message>
    <message>
        <source>Android (Gmail, Samsung Email, Thunderbird for Android)</source>
        <translation>Android（Gmail、Samsung Email、Thunderbird for Android）</translation>
    </message>
    <message>
        <source>In Outlook choose File › Add Account.</source>
        <translation>在 Outlook 中選擇「檔案」›「新增帳戶」。</translation>
    </message>
    <message>
        <source>Open the new Outlook (it replaced Windows Mail, which stopped working at the end of 2024) and choose Settings › Accounts › Email accounts › Add account.</source>
        <translation>開啟新版 Outlook（它取代了 2024 年底停止運作的 Windows 郵件），選擇「設定」›「帳戶」›「電子郵件帳戶」›「新增帳戶」。</translation>
    </message>
    <message>
        <source>Enter {address} and choose Continue; when Outlook asks which kind of account it is, choose {protocol}.</source>
        <translation>輸入 {address} 並選擇「繼續」；Outlook 詢問帳戶類型時，選擇 {protocol}。</translation>
    </message>
    <message>
        <source>Enter your password, open Show more and enter the server values; then choose Continue.</source>
        <translation>輸入您的密碼，開啟「顯示更多」並輸入伺服器的各項設定值，然後選擇「繼續」。</translation>
    </message>
    <message>
        <source>Open {file} on your Mac, then install it in System Settings › General › Device Management (macOS 15 and later) or System Settings › Privacy &amp; Security › Profiles (macOS 14 and earlier).</source>
        <translation>在 Mac 上打開 {file}，然後到「系統設定」›「一般」›「裝置管理」（macOS 15 以後）或「系統設定」›「隱私權與安全性」›「描述檔」（macOS 14 以前）安裝它。</translation>
    </message>
    <message>
        <source>Open {file} on the iPhone or iPad: scan the iPhone code under “Set up your phone” (the phone must be on the same Wi-Fi as this computer), or send the file from a Mac with AirDrop. Then open Settings › Profile Downloaded › Install: it takes a few screens, asks for your passcode, and iOS calls the profile “Not Verified” because it is not signed.</source>
        <translation>在 iPhone 或 iPad 上打開 {file}：掃描「設定您的手機」下方的 iPhone 用 QR 碼（手機必須和這台電腦連在同一個 Wi-Fi），或從 Mac 用 AirDrop 傳送檔案。接著開啟「設定」›「已下載描述檔」›「安裝」：安裝要經過幾個畫面並輸入您的密碼，而且因為描述檔沒有簽署，iOS 會顯示「未驗證」。</translation>
    </message>
    <message>
        <source>Or add the account by hand: open Settings › Apps › Mail › Mail Accounts › Add Account › Other › Add Mail Account (iOS 17 and earlier: Settings › Mail › Accounts).</source>
        <translation>或手動加入帳戶：開啟「設定」›「App」›「郵件」›「郵件帳號」›「加入帳號」›「其他」›「加入郵件帳號」（iOS 17 以前：「設定」›「郵件」›「帳號」）。</translation>
    </message>
    <message>
        <source>Open Settings › Apps › Mail › Mail Accounts › Add Account › Other › Add Mail Account (iOS 17 and earlier: Settings › Mail › Accounts).</source>
        <translation>開啟「設定」›「App」›「郵件」›「郵件帳號」›「加入帳號」›「其他」›「加入郵件帳號」（iOS 17 以前：「設定」›「郵件」›「帳號」）。</translation>
    </message>
    <message>
        <source>Gmail app: tap your profile picture › Add another account › Other, enter {address}, choose Manual setup and then Personal ({protocol}).</source>
        <translation>Gmail App：點選您的個人資料相片 ›「新增其他帳戶」›「其他」，輸入 {address}，選擇「手動設定」，再選「個人 ({protocol})」。</translation>
    </message>
    <message>
        <source>Samsung Email: choose Add account › Other, enter {address} and your password, choose Manual setup and then {protocol} account.</source>
        <translation>Samsung Email：選擇「新增帳戶」›「其他」，輸入 {address} 和密碼，選擇「手動設定」，再選「{protocol} 帳戶」。</translation>
    </message>
    <message>
        <source>Thunderbird for Android or K-9 Mail: choose Add account, enter {address} and choose Manual setup, then {protocol}.</source>
        <translation>Thunderbird for Android 或 K-9 Mail：選擇「新增帳號」，輸入 {address} 並選擇「手動設定」，再選 {protocol}。</translation>
    </message>
    <message>
        <source>In each app enter the incoming server values, then the outgoing ones.</source>
        <translation>在任一 App 中先輸入收件伺服器的設定值，再輸入寄件伺服器的設定值。</translation>
    </message>
    <message>
        <source>Add a new mail account, choose to set it up by hand and enter the server values.</source>
        <translation>新增一個郵件帳戶，選擇手動設定，然後輸入伺服器的各項設定值。</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP)</source>
        <translation>寄件伺服器（SMTP）</translation>
    </message>
    <message>
        <source>Account type</source>
        <translation>帳戶類型</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>伺服器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>連接埠</translation>
    </message>
    <message>
        <source>Connection security</source>
        <translation>連線安全性</translation>
    </message>
    <message>
        <source>Security type</source>
        <translation>安全性類型</translation>
    </message>
    <message>
        <source>Secure connection type</source>
        <translation>安全連線類型</translation>
    </message>
    <message>
        <source>Encryption method</source>
        <translation>加密方法</translation>
    </message>
    <message>
        <source>Use TLS/SSL</source>
        <translation>使用 TLS/SSL</translation>
    </message>
    <message>
        <source>Use SSL</source>
        <translation>使用 SSL</translation>
    </message>
    <message>
        <source>Authentication method</source>
        <translation>驗證方式</translation>
    </message>
    <message>
        <source>On</source>
        <translation>開啟</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>關閉</translation>
    </message>
    <message>
        <source>None</source>
        <translation>無</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>使用者名稱</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>驗證方式</translation>
    </message>
    <message>
        <source>your full email address</source>
        <translation>您完整的電子郵件地址</translation>
    </message>
    <message>
        <source>the part of your email address before the @</source>
        <translation>您電子郵件地址中 @ 前面的部分</translation>
    </message>
    <message>
        <source>the part of your email address after the @</source>
        <translation>您電子郵件地址中 @ 後面的部分</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (not encrypted: avoid)</source>
        <translation>無（未加密：請避免）</translation>
    </message>
    <message>
        <source>Normal password</source>
        <translation>一般密碼</translation>
    </message>
    <message>
        <source>en</source>
        <translation>zh-Hant-TW</translation>
    </message>
    <message>
        <source>Your provider also offers {protocol} ({server}, port {port}); this sheet sets up {chosen}, so you do not need it.</source>
        <translation>您的郵件服務商也提供 {protocol}（{server}，連接埠 {port}）；這張說明表設定的是 {chosen}，所以不需要用到它。</translation>
    </message>
    <message>
        <source>Encrypted password</source>
        <translation>加密密碼</translation>
    </message>
    <message>
        <source>OAuth2 (sign in through the provider&apos;s web page)</source>
        <translation>OAuth2（透過郵件服務商的網頁登入）</translation>
    </message>
    <message>
        <source>Sign in through {provider}&apos;s page (OAuth2)</source>
        <translation>透過 {provider} 的網頁登入（OAuth2）</translation>
    </message>
    <message>
        <source>App password (not your normal password)</source>
        <translation>應用程式密碼（不是您平常的密碼）</translation>
    </message>
    <message>
        <source>Authorization code (not your normal password)</source>
        <translation>授權碼（不是您平常的密碼）</translation>
    </message>
    <message>
        <source>Your mail program signs in through {provider}&apos;s page: there is no password to type into it, and none is on this sheet.</source>
        <translation>您的郵件程式會透過 {provider} 的網頁登入：不需要在程式中輸入密碼，這張說明表上也沒有密碼。</translation>
    </message>
    <message>
        <source>No authentication</source>
        <translation>不需驗證</translation>
    </message>
    <message>
        <source>Leave messages on the server for {days} days.</source>
        <translation>在伺服器上保留郵件 {days} 天。</translation>
    </message>
    <message>
        <source>Leave messages on the server.</source>
        <translation>在伺服器上保留郵件。</translation>
    </message>
    <message>
        <source>Remove messages from the server after downloading.</source>
        <translation>下載後從伺服器上刪除郵件。</translation>
    </message>
    <message>
        <source>Where to enter them</source>
        <translation>在哪裡輸入</translation>
    </message>
    <message>
        <source>Thunderbird (Windows, macOS, Linux)</source>
        <translation>Thunderbird（Windows、macOS、Linux）</translation>
    </message>
    <message>
        <source>Mail on iPhone and iPad</source>
        <translation>iPhone 與 iPad 的「郵件」</translation>
    </message>
    <message>
        <source>Thunderbird for Android: scan this code</source>
        <translation>Thunderbird for Android：掃描這個 QR 碼</translation>
    </message>
    <message>
        <source>Open Thunderbird for Android, tap Import settings and scan this code. It holds the settings above, never your password.</source>
        <translation>開啟 Thunderbird for Android，點「匯入設定」，再掃描這個 QR 碼。它含有上面的設定，絕不含您的密碼。</translation>
    </message>
    <message>
        <source>QR code for Thunderbird for Android</source>
        <translation>Thunderbird for Android 用的 QR 碼</translation>
    </message>
    <message>
        <source>Made with Mail Setup Assistant. Keep this sheet: it holds no password.</source>
        <translation>由郵件設定助理製作。請保存這張說明表：上面沒有任何密碼。</translation>
    </message>
    <message>
        <source>the app password</source>
        <translation>應用程式密碼</translation>
    </message>
    <message>
        <source>the authorization code</source>
        <translation>授權碼</translation>
    </message>
    <message>
        <source>First make an app password for this program at {url} (your normal password does not work here).</source>
        <translation>請先在 {url} 為這個程式建立應用程式密碼（您平常的密碼在這裡無法使用）。</translation>
    </message>
    <message>
        <source>First switch on IMAP/SMTP in the web settings of {provider} and make an authorization code there ({url}); your normal password does not work here.</source>
        <translation>請先在 {provider} 的網頁設定中開啟 IMAP/SMTP，並在那裡產生授權碼（{url}）；您平常的密碼在這裡無法使用。</translation>
    </message>
    <message>
        <source>Enter your name and {address}, leave the password empty and choose Continue: Thunderbird finds the settings of {provider} and chooses OAuth2 by itself.</source>
        <translation>輸入您的名稱和 {address}，密碼留空，然後選擇「繼續」：Thunderbird 會找到 {provider} 的設定，並自動選擇 OAuth2。</translation>
    </message>
    <message>
        <source>Choose Done, then sign in on the page of {provider} that opens.</source>
        <translation>選擇「完成」，然後在打開的 {provider} 網頁上登入。</translation>
    </message>
    <message>
        <source>Enter your name, {address} and {secret} as the password; choose Continue, then Done.</source>
        <translation>輸入您的名稱、{address}，密碼欄輸入{secret}；選擇「繼續」，再選擇「完成」。</translation>
    </message>
    <message>
        <source>Open System Settings › Internet Accounts › Add Account › {account}.</source>
        <translation>打開「系統設定」›「網際網路帳號」›「加入帳號」›「{account}」。</translation>
    </message>
    <message>
        <source>Open Settings › Apps › Mail › Mail Accounts › Add Account › {account}.</source>
        <translation>打開「設定」›「App」›「郵件」›「郵件帳號」›「加入帳號」›「{account}」。</translation>
    </message>
    <message>
        <source>Sign in as {provider} asks (on its own page or in its own window), then switch Mail on.</source>
        <translation>依照 {provider} 的要求登入（在它自己的網頁或視窗中），然後開啟「郵件」。</translation>
    </message>
    <message>
        <source>Enter your name, {address} and {secret} as the password; choose Sign In.</source>
        <translation>輸入您的名稱、{address}，密碼欄輸入{secret}；然後選擇「登入」。</translation>
    </message>
    <message>
        <source>Enter your name, {address} and {secret} as the password; choose Next.</source>
        <translation>輸入您的名稱、{address}，密碼欄輸入{secret}；然後選擇「下一步」。</translation>
    </message>
    <message>
        <source>In Outlook choose File › Add Account, enter {address} and choose Connect.</source>
        <translation>在 Outlook 中選擇「檔案」›「新增帳戶」，輸入 {address}，然後選擇「連線」。</translation>
    </message>
    <message>
        <source>In the new Outlook choose Settings › Accounts › Email accounts › Add account, enter {address} and choose Continue.</source>
        <translation>在新版 Outlook 中選擇「設定」›「帳戶」›「電子郵件帳戶」›「新增帳戶」，輸入 {address}，然後選擇「繼續」。</translation>
    </message>
    <message>
        <source>Sign in on the page of {provider} that opens.</source>
        <translation>在打開的 {provider} 網頁上登入。</translation>
    </message>
    <message>
        <source>Choose {protocol}, enter the server values, then {secret} as the password.</source>
        <translation>選擇 {protocol}，輸入伺服器的各項設定值，密碼欄輸入{secret}。</translation>
    </message>
    <message>
        <source>Enter {secret} as the password, open Show more and enter the server values; then choose Continue.</source>
        <translation>密碼欄輸入{secret}，開啟「顯示更多」並輸入伺服器的各項設定值，然後選擇「繼續」。</translation>
    </message>
    <message>
        <source>In the Gmail app tap your picture › Add another account, choose {provider} and sign in on its page.</source>
        <translation>在 Gmail App 中點您的大頭貼 ›「新增其他帳戶」，選擇 {provider}，並在它的網頁上登入。</translation>
    </message>
    <message>
        <source>In Thunderbird for Android choose Add account and enter {address}: it opens the sign-in page of {provider}.</source>
        <translation>在 Thunderbird for Android 中選擇「新增帳號」並輸入 {address}：它會打開 {provider} 的登入網頁。</translation>
    </message>
    <message>
        <source>Choose {protocol}, enter the incoming server values with {secret} as the password, then the outgoing ones.</source>
        <translation>選擇 {protocol}，輸入收信伺服器的設定值並在密碼欄輸入{secret}，再輸入寄信伺服器的設定值。</translation>
    </message>
    <message>
        <source>Add the account in your mail program: one that knows {provider} opens its sign-in page (OAuth2). A program that asks for a password instead cannot sign in to {provider}.</source>
        <translation>請在郵件程式中加入帳戶：認得 {provider} 的程式會打開它的登入網頁（OAuth2）。改為要求輸入密碼的程式無法登入 {provider}。</translation>
    </message>
    <message>
        <source>Add the account in your mail program: one that knows {provider} opens its sign-in page (OAuth2). A program that asks for a password needs an app password instead: {url}</source>
        <translation>請在郵件程式中加入帳戶：認得 {provider} 的程式會打開它的登入網頁（OAuth2）。要求輸入密碼的程式則需要應用程式密碼：{url}</translation>
    </message>
    <message>
        <source>Add a new mail account, choose to set it up by hand, enter the server values and {secret} as the password.</source>
        <translation>新增郵件帳戶，選擇手動設定，輸入伺服器的各項設定值，密碼欄輸入{secret}。</translation>
    </message>
    <message>
        <source>OAuth2</source>
        <translation>OAuth2</translation>
    </message>
</context>
<context>
    <name>signin</name>
    <message>
        <source>The password works: you can receive and send mail.</source>
        <translation>密碼正確：您可以收發郵件了。</translation>
    </message>
    <message>
        <source>Signing in on your organisation&apos;s page works: you can receive and send mail.</source>
        <translation>在貴機構的網頁登入成功：您可以收信和寄信。</translation>
    </message>
    <message>
        <source>The password was not sent to at least one server, to protect it.</source>
        <translation>為了保護您的密碼，至少有一台伺服器沒有收到密碼。</translation>
    </message>
    <message>
        <source>The sign-in test did not succeed.</source>
        <translation>登入測試沒有成功。</translation>
    </message>
    <message>
        <source>Your full email address is the user name.</source>
        <translation>使用者名稱是您完整的電子郵件地址。</translation>
    </message>
    <message>
        <source>The part before the @ ({name}) is the user name, not the full address.</source>
        <translation>使用者名稱是 @ 前面的部分（{name}），而不是完整的地址。</translation>
    </message>
    <message>
        <source>The user name {name} worked.</source>
        <translation>使用者名稱 {name} 可以登入。</translation>
    </message>
    <message>
        <source>The connection used the certificate you confirmed on the results page.</source>
        <translation>這次連線使用的是您在結果頁面上確認過的憑證。</translation>
    </message>
    <message>
        <source>Storage used: {used} MB of {limit} MB.</source>
        <translation>已使用空間：{used} MB／共 {limit} MB。</translation>
    </message>
    <message>
        <source>Folders on the server: {count}</source>
        <translation>伺服器上的資料夾：{count} 個</translation>
    </message>
    <message>
        <source>New mail is announced at once (IDLE).</source>
        <translation>新郵件會立刻通知（IDLE）。</translation>
    </message>
    <message>
        <source>Messages waiting on the server: {count}</source>
        <translation>伺服器上等待收取的郵件：{count} 封</translation>
    </message>
    <message>
        <source>The server lets your mail program remember which messages it already downloaded (UIDL).</source>
        <translation>伺服器能讓您的郵件程式記住哪些郵件已經下載過（UIDL）。</translation>
    </message>
    <message>
        <source>The server cannot say which messages were already downloaded (no UIDL), so some may be downloaded twice.</source>
        <translation>伺服器無法告知哪些郵件已經下載過（不支援 UIDL），所以有些郵件可能會重複下載。</translation>
    </message>
    <message>
        <source>The outgoing server accepted your sign-in for sending (SMTP AUTH).</source>
        <translation>寄件伺服器接受了您的登入，可以寄出郵件（SMTP AUTH）。</translation>
    </message>
    <message>
        <source>{provider} signs you in on its own sign-in page (OAuth2), not with a password typed into a mail program. Your mail program opens that page when you add the account, so there is no password to test here.</source>
        <translation>{provider} 會在它自己的登入網頁讓您登入（OAuth2），而不是用輸入在郵件程式中的密碼。您在郵件程式中加入帳戶時，程式會打開那個網頁，所以這裡沒有密碼需要測試。</translation>
    </message>
    <message>
        <source>Your mail program can sign in on the page of {provider} (OAuth2); then it needs no password from you. A program that asks for a password needs an app password instead of your normal one: a separate password that {provider} makes for one program. Make one at {link} and test it here.</source>
        <translation>您的郵件程式可以在 {provider} 的網頁登入（OAuth2），這樣就不需要您的密碼。要求輸入密碼的程式則需要應用程式密碼，而不是您平常的密碼：那是 {provider} 為單一程式另外產生的密碼。請在 {link} 建立一組，並在這裡測試。</translation>
    </message>
    <message>
        <source>{provider} does not accept your normal password in mail programs. They sign in with an app password: a separate password that {provider} makes for one program. Make one at {link} and test it here.</source>
        <translation>{provider} 不接受在郵件程式中使用您平常的密碼。郵件程式要用應用程式密碼登入：那是 {provider} 為單一程式另外產生的密碼。請在 {link} 建立一組，並在這裡測試。</translation>
    </message>
    <message>
        <source>{provider} does not accept your normal password in mail programs. They sign in with an authorization code, which you make in the web settings of {provider} after switching IMAP/SMTP on there. Make one ({link}) and test it here.</source>
        <translation>{provider} 不接受在郵件程式中使用您平常的密碼。郵件程式要用授權碼登入：請先在 {provider} 的網頁設定中開啟 IMAP/SMTP，再在那裡產生授權碼。請產生一組（{link}），並在這裡測試。</translation>
    </message>
    <message>
        <source>App &amp;password:</source>
        <translation>應用程式密碼(&amp;P)：</translation>
    </message>
    <message>
        <source>Authorization &amp;code:</source>
        <translation>授權碼(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>sources</name>
    <message>
        <source>DNS SRV records</source>
        <translation>DNS SRV 記錄</translation>
    </message>
    <message>
        <source>the domain&apos;s MX records</source>
        <translation>網域的 MX 記錄</translation>
    </message>
    <message>
        <source>a configuration file fetched over plain HTTP</source>
        <translation>經由未加密 HTTP 取得的設定檔</translation>
    </message>
    <message>
        <source>the domain&apos;s configuration file</source>
        <translation>網域的設定檔</translation>
    </message>
    <message>
        <source>your provider&apos;s Outlook settings service</source>
        <translation>您的郵件服務商的 Outlook 設定服務</translation>
    </message>
    <message>
        <source>the Thunderbird ISP database</source>
        <translation>Thunderbird ISP 資料庫</translation>
    </message>
    <message>
        <source>guessing</source>
        <translation>推測</translation>
    </message>
    <message>
        <source>an Outlook settings service named by the domain&apos;s DNS SRV record</source>
        <translation>網域的 DNS SRV 記錄所指向的 Outlook 設定服務</translation>
    </message>
    <message>
        <source>an Outlook settings service in another domain that the answer sent us to</source>
        <translation>回應將我們轉介過去的另一個網域的 Outlook 設定服務</translation>
    </message>
    <message>
        <source>your input</source>
        <translation>您的輸入</translation>
    </message>
</context>
<context>
    <name>summary</name>
    <message>
        <source>Secure settings found</source>
        <translation>已找到安全的設定</translation>
    </message>
    <message>
        <source>Settings found</source>
        <translation>已找到設定</translation>
    </message>
    <message>
        <source>Settings found — one server needs your decision</source>
        <translation>已找到設定——有一台伺服器需要您決定</translation>
    </message>
    <message>
        <source>No complete set of settings found</source>
        <translation>找不到完整的設定</translation>
    </message>
    <message>
        <source>Incoming mail</source>
        <translation>收件</translation>
    </message>
    <message>
        <source>Outgoing mail</source>
        <translation>寄件</translation>
    </message>
    <message>
        <source>encrypted, certificate verified</source>
        <translation>已加密，憑證已驗證</translation>
    </message>
    <message>
        <source>encrypted, but the certificate could not be verified</source>
        <translation>已加密，但無法驗證憑證</translation>
    </message>
    <message>
        <source>not encrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <source>✔ {side}: {servers} — {how}. This server will be used.</source>
        <translation>✔ {side}：{servers}——{how}。將會使用這台伺服器。</translation>
    </message>
    <message>
        <source>✔ {side}: {servers} — {how}. This server will be used; {also} is also available.</source>
        <translation>✔ {side}：{servers}——{how}。將會使用這台伺服器；也可以改用 {also}。</translation>
    </message>
    <message>
        <source>✔ {side}: {servers} — {how}. You accepted the risk; this server will be used.</source>
        <translation>✔ {side}：{servers}——{how}。您已接受風險；將會使用這台伺服器。</translation>
    </message>
    <message>
        <source>⚠ {side}: {servers} — {how}. It is used only if you confirm it below.</source>
        <translation>⚠ {side}：{servers}——{how}。只有在您於下方確認後才會使用。</translation>
    </message>
    <message>
        <source>✖ {side}: no server was found.</source>
        <translation>✖ {side}：沒有找到伺服器。</translation>
    </message>
    <message>
        <source>⚠ {side}: {servers} answered, but without encryption. It is used only if you accept that on the next page.</source>
        <translation>⚠ {side}：{servers} 有回應，但沒有加密。只有在您於下一頁接受這一點後才會使用。</translation>
    </message>
    <message>
        <source>Ask your provider for the settings of your mail account; on the next page you can enter them and test them.</source>
        <translation>請向您的郵件服務商索取郵件帳戶的設定；您可以在下一頁輸入並測試。</translation>
    </message>
    <message>
        <source>On the next page the settings found are filled in. Accept a server without encryption only if your provider has no encrypted one for you.</source>
        <translation>下一頁已填好找到的設定。只有在您的郵件服務商沒有提供加密伺服器時，才接受沒有加密的伺服器。</translation>
    </message>
    <message>
        <source>{host} offers no encryption ({services}): passwords and mail would cross the network readable by anyone on the way.</source>
        <translation>{host} 不提供加密（{services}）：密碼與郵件在網路上傳送時，途中任何人都能讀取。</translation>
    </message>
    <message>
        <source>Your provider&apos;s Outlook settings service ({host}) gives the settings only to someone who signs in with the mail password. On the password page, the sign-in test asks it with your password.</source>
        <translation>您的郵件服務商的 Outlook 設定服務（{host}）只把設定提供給用郵件密碼登入的人。在密碼頁面上，登入測試會用您的密碼向它詢問。</translation>
    </message>
    <message>
        <source>The certificates of {hosts} could not be verified, so these servers are not used.</source>
        <translation>無法驗證 {hosts} 的憑證，因此不會使用這些伺服器。</translation>
    </message>
    <message>
        <source>Ask your provider whether {host} is theirs; it is outside {domain}. Tick the box only if they say yes.</source>
        <translation>請向您的郵件服務商確認 {host} 是否屬於他們；它不在 {domain} 之內。只有在服務商確認後才勾選。</translation>
    </message>
    <message>
        <source>Ask your provider whether they know about the certificate problem of {host}. If you are not sure, do not tick the box: enter other settings by hand instead.</source>
        <translation>請詢問您的郵件服務商是否知道 {host} 的憑證問題。如果不確定，請不要勾選，改為手動輸入其他設定。</translation>
    </message>
    <message>
        <source>Do not use {host} unless your provider tells you they have fixed it.</source>
        <translation>除非您的郵件服務商告知已修正，否則請不要使用 {host}。</translation>
    </message>
    <message>
        <source>Ask your provider whether {host} is really their server: the settings naming it could have been changed on the way.</source>
        <translation>請向您的郵件服務商確認 {host} 是否真的是他們的伺服器：指向它的設定可能在傳送途中被竄改。</translation>
    </message>
    <message>
        <source>Use {host} only if your provider has no encrypted server for you.</source>
        <translation>只有在您的郵件服務商沒有提供加密伺服器時，才使用 {host}。</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None (unencrypted)</source>
        <translation>無（未加密）</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>可連線</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>被拒絕</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>沒有回應</translation>
    </message>
    <message>
        <source>Encryption failed</source>
        <translation>加密失敗</translation>
    </message>
    <message>
        <source>Unexpected answer</source>
        <translation>非預期的回應</translation>
    </message>
    <message>
        <source>Name not found</source>
        <translation>找不到名稱</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <translation>無法連線</translation>
    </message>
    <message>
        <source>the server sent data that was not encrypted when encryption started (a sign of an attempted injection)</source>
        <translation>開始加密時伺服器送來了未加密的資料（可能有人企圖竄改連線）</translation>
    </message>
    <message>
        <source>the server refused to start encryption</source>
        <translation>伺服器拒絕開始加密</translation>
    </message>
    <message>
        <source>this server offers no encryption</source>
        <translation>這台伺服器不提供加密</translation>
    </message>
    <message>
        <source>the server skipped the sign-in before encryption (PREAUTH)</source>
        <translation>伺服器在加密之前就略過了登入（PREAUTH）</translation>
    </message>
    <message>
        <source>the server refuses passwords without encryption</source>
        <translation>伺服器拒絕未加密的密碼</translation>
    </message>
    <message>
        <source>Not needed — a better server was found</source>
        <translation>不需要——已找到更好的伺服器</translation>
    </message>
    <message>
        <source>Ran out of time</source>
        <translation>時間已用完</translation>
    </message>
    <message>
        <source>✔ Verified TLS</source>
        <translation>✔ 已驗證的 TLS</translation>
    </message>
    <message>
        <source>✔ STARTTLS</source>
        <translation>✔ STARTTLS</translation>
    </message>
    <message>
        <source>⚠ Problem</source>
        <translation>⚠ 有問題</translation>
    </message>
    <message>
        <source>✖ Plaintext</source>
        <translation>✖ 未加密</translation>
    </message>
    <message>
        <source>– Not usable</source>
        <translation>– 無法使用</translation>
    </message>
    <message>
        <source>– Not used</source>
        <translation>– 未使用</translation>
    </message>
    <message>
        <source>Status: {0}</source>
        <translation>狀態：{0}</translation>
    </message>
    <message>
        <source>Found through: {0}</source>
        <translation>來源：{0}</translation>
    </message>
    <message>
        <source>Address: {0}</source>
        <translation>位址：{0}</translation>
    </message>
    <message>
        <source>Error: {0}</source>
        <translation>錯誤：{0}</translation>
    </message>
    <message>
        <source>TLS: {0}</source>
        <translation>TLS：{0}</translation>
    </message>
    <message>
        <source>Certificate verified: {0}</source>
        <translation>憑證已驗證：{0}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Subject: {0}</source>
        <translation>主體：{0}</translation>
    </message>
    <message>
        <source>Issuer: {0}</source>
        <translation>簽發者：{0}</translation>
    </message>
    <message>
        <source>Valid until: {0}</source>
        <translation>有效期限：{0}</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint: {0}</source>
        <translation>SHA-256 指紋：{0}</translation>
    </message>
    <message>
        <source>Names: {0}</source>
        <translation>名稱：{0}</translation>
    </message>
    <message>
        <source>Problem: {0}</source>
        <translation>問題：{0}</translation>
    </message>
    <message>
        <source>Capabilities: {0}</source>
        <translation>功能：{0}</translation>
    </message>
    <message>
        <source>Sign-in methods: {0}</source>
        <translation>登入方式：{0}</translation>
    </message>
    <message>
        <source>Warnings: {0}</source>
        <translation>警告：{0}</translation>
    </message>
</context>
<context>
    <name>tls</name>
    <message>
        <source>The certificate could not be verified.</source>
        <translation>無法驗證憑證。</translation>
    </message>
    <message>
        <source>The certificate expired on {date}; the server&apos;s administrator must renew it.</source>
        <translation>憑證已於 {date} 過期；伺服器管理員必須更新憑證。</translation>
    </message>
    <message>
        <source>The certificate is only valid from {start}; either this computer&apos;s clock is wrong or the server&apos;s administrator installed it too early.</source>
        <translation>憑證從 {start} 起才有效；可能是這台電腦的時鐘不正確，或伺服器管理員太早安裝了憑證。</translation>
    </message>
    <message>
        <source>The certificate was not issued for {host}; the name may be wrong, or someone may be intercepting the connection.</source>
        <translation>憑證不是簽發給 {host} 的；可能是名稱錯誤，也可能有人正在攔截連線。</translation>
    </message>
    <message>
        <source>The certificate is self-signed, so nobody vouches for it; trust it only if your provider gave you its fingerprint.</source>
        <translation>憑證是自行簽署的，沒有人為它擔保；只有在郵件服務商提供了它的指紋時才信任它。</translation>
    </message>
    <message>
        <source>The certificate was issued by an authority this computer does not trust; if your organisation runs its own, ask its IT department to add that authority&apos;s certificate to this computer.</source>
        <translation>憑證的簽發機構不受這台電腦信任；如果您的組織有自己的憑證機構，請向 IT 部門索取該機構的憑證並安裝到這台電腦。</translation>
    </message>
    <message>
        <source>The server only offers {version}, which is obsolete and unsafe; it needs TLS 1.2 or newer.</source>
        <translation>伺服器只提供 {version}，已過時且不安全；需要 TLS 1.2 或更新版本。</translation>
    </message>
    <message>
        <source>The certificate expires on {date} (in {days} days); the server&apos;s administrator should renew it soon.</source>
        <translation>憑證將於 {date}（{days} 天後）到期；伺服器管理員應盡快更新。</translation>
    </message>
</context>
<context>
    <name>verify</name>
    <message>
        <source>Signed in to {host} ({protocol}) as {username}.</source>
        <translation>已用 {username} 登入 {host}（{protocol}）。</translation>
    </message>
    <message>
        <source>The server rejected the user name or password ({host}, {protocol}; tried {tried}).</source>
        <translation>伺服器拒絕了使用者名稱或密碼（{host}，{protocol}；已嘗試 {tried}）。</translation>
    </message>
    <message>
        <source>{host} ({protocol}) would not encrypt the connection, so the password was not sent.</source>
        <translation>{host}（{protocol}）不願加密連線，因此密碼沒有送出。</translation>
    </message>
    <message>
        <source>The certificate of {host} could not be verified, so the password was not sent. If your provider confirms the fingerprint {fingerprint}, you can pin it.</source>
        <translation>無法驗證 {host} 的憑證，因此密碼沒有送出。如果郵件服務商確認指紋為 {fingerprint}，您可以釘選它。</translation>
    </message>
    <message>
        <source>The certificate of {host} is not the one you confirmed (it has fingerprint {fingerprint}), so the password was not sent.</source>
        <translation>{host} 的憑證不是您確認過的那一份（它的指紋是 {fingerprint}），因此密碼沒有送出。</translation>
    </message>
    <message>
        <source>{host} does not allow signing in on this connection (LOGINDISABLED), so the password was not sent.</source>
        <translation>{host} 不允許在這個連線上登入（LOGINDISABLED），因此密碼沒有送出。</translation>
    </message>
    <message>
        <source>{host} ({protocol}) offers no sign-in method this program can use, so the password was not sent.</source>
        <translation>{host}（{protocol}）沒有本程式能使用的登入方式，因此密碼沒有送出。</translation>
    </message>
    <message>
        <source>{host} uses an older TLS version than required, so the password was not sent.</source>
        <translation>{host} 使用的 TLS 版本比要求的舊，因此密碼沒有送出。</translation>
    </message>
    <message>
        <source>The secure connection to {host} failed.</source>
        <translation>與 {host} 的安全連線失敗。</translation>
    </message>
    <message>
        <source>{host} ({protocol}) did not answer in time.</source>
        <translation>{host}（{protocol}）沒有及時回應。</translation>
    </message>
    <message>
        <source>{host} refused the connection on port {port}.</source>
        <translation>{host} 拒絕了連接埠 {port} 上的連線。</translation>
    </message>
    <message>
        <source>{host} could not be reached on port {port}.</source>
        <translation>無法透過連接埠 {port} 連到 {host}。</translation>
    </message>
    <message>
        <source>The address of {host} could not be found.</source>
        <translation>找不到 {host} 的位址。</translation>
    </message>
    <message>
        <source>{host} ({protocol}) answered in a way this program does not understand.</source>
        <translation>{host}（{protocol}）的回應是本程式無法理解的。</translation>
    </message>
    <message>
        <source>There is no usable {protocol} server to sign in to.</source>
        <translation>沒有可以登入的 {protocol} 伺服器。</translation>
    </message>
    <message>
        <source>{provider} accepts only sign-in on its own page (OAuth2), so the password was not sent. Add the account in your mail program: it opens the sign-in page of {provider} for you.</source>
        <translation>{provider} 只接受在它自己的網頁登入（OAuth2），所以沒有送出密碼。請在郵件程式中加入帳戶：程式會為您打開 {provider} 的登入網頁。</translation>
    </message>
    <message>
        <source>{host} ({protocol}) offers only sign-in on the provider&apos;s own page (OAuth2), so the password was not sent. Add the account in a mail program that opens that page for you.</source>
        <translation>{host}（{protocol}）只提供在郵件服務商自己的網頁登入（OAuth2），所以沒有送出密碼。請在會為您打開該網頁的郵件程式中加入帳戶。</translation>
    </message>
    <message>
        <source>The server rejected the password ({host}, {protocol}; tried {tried}). {provider} needs an app password here, not your normal password: make one at {url}</source>
        <translation>伺服器拒絕了這組密碼（{host}，{protocol}；試過 {tried}）。{provider} 在這裡需要應用程式密碼，而不是您平常的密碼：請在 {url} 建立一組</translation>
    </message>
    <message>
        <source>The server rejected the password ({host}, {protocol}; tried {tried}). {provider} needs an authorization code here, not your normal password: switch on IMAP/SMTP in its web settings and make one ({url}).</source>
        <translation>伺服器拒絕了這組密碼（{host}，{protocol}；試過 {tried}）。{provider} 在這裡需要授權碼，而不是您平常的密碼：請在它的網頁設定中開啟 IMAP/SMTP 並產生授權碼（{url}）。</translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <source>{service} is only reachable without encryption ({host}:{port}): passwords and mail would cross the network readable by anyone on the way. It is not recommended.</source>
        <translation>{service} 只能以未加密的方式連線（{host}:{port}）：密碼與郵件在網路上傳送時，路徑上的任何人都讀得到。不建議使用。</translation>
    </message>
    <message>
        <source>{host} is not part of {domain}. We learnt of it from {source}, which an attacker could forge: confirm that your provider really uses this server before you use it.</source>
        <translation>{host} 不屬於 {domain}。我們是從{source}得知它的，而攻擊者可能偽造這些資訊：使用前請確認您的郵件服務商確實使用這台伺服器。</translation>
    </message>
    <message>
        <source>{host}: {problem} Servers presenting this certificate are not recommended.</source>
        <translation>{host}：{problem}不建議使用出示這份憑證的伺服器。</translation>
    </message>
    <message>
        <source>Settings for {domain} were found over unencrypted HTTP; anyone on the network could have changed them, so they never outrank settings found securely.</source>
        <translation>{domain} 的設定是經由未加密的 HTTP 找到的；網路上的任何人都可能改動過它們，因此它們的優先順序永遠排在安全取得的設定之後。</translation>
    </message>
    <message>
        <source>{host}:{port} sent data before encryption started that would have been read as if it were encrypted (STARTTLS injection). This server is not used.</source>
        <translation>{host}:{port} 在加密開始前送出了會被當成加密內容讀取的資料（STARTTLS 注入）。不會使用這台伺服器。</translation>
    </message>
    <message>
        <source>{host}: {problem}</source>
        <translation>{host}：{problem}</translation>
    </message>
    <message>
        <source>No incoming server (IMAP or POP3) with verified encryption was found for {domain}.</source>
        <translation>沒有為 {domain} 找到使用已驗證加密的收件伺服器（IMAP 或 POP3）。</translation>
    </message>
    <message>
        <source>No outgoing server (SMTP submission) with verified encryption was found for {domain}.</source>
        <translation>沒有為 {domain} 找到使用已驗證加密的寄件伺服器（SMTP 提交）。</translation>
    </message>
    <message>
        <source>The mailbox of {domain} is an Exchange or Microsoft 365 mailbox: its Outlook settings service offers no IMAP, POP3 or SMTP. Outlook adds it as an Exchange account; other programs need IMAP switched on by its administrator.</source>
        <translation>{domain} 的信箱是 Exchange 或 Microsoft 365 信箱：它的 Outlook 設定服務不提供 IMAP、POP3 或 SMTP。Outlook 會把它新增為 Exchange 帳戶；其他程式需要由信箱的管理員開啟 IMAP。</translation>
    </message>
    <message>
        <source>Two sources disagree about the {service} server ({source}: {host}; {other_source}: {other_host}). {host} is used: {why}</source>
        <translation>兩個來源對 {service} 伺服器的說法不一致（{source}：{host}；{other_source}：{other_host}）。將使用 {host}，因為{why}</translation>
    </message>
    <message>
        <source>it encrypts from the first byte (implicit TLS), which an attacker cannot strip.</source>
        <translation>它從第一個位元組就開始加密（直接使用 TLS），攻擊者無法拿掉加密。</translation>
    </message>
    <message>
        <source>{source} is trusted more. If {other_source} is the newer word, tell the domain&apos;s administrator that the other one is out of date.</source>
        <translation>{source}的可信度較高。如果{other_source}才是最新的資訊，請告知網域管理員另一個來源已經過時。</translation>
    </message>
    <message>
        <source>{other_host} could not be reached with verified encryption.</source>
        <translation>無法以已驗證的加密連上 {other_host}。</translation>
    </message>
</context>
</TS>
