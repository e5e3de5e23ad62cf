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
        <source> computer(s)</source>
        <translation> 台電腦</translation>
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
        <source>Other people &amp;read this mailbox too</source>
        <translation>還有其他人也會讀這個信箱(&amp;R)</translation>
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
        <source>I back up my computer</source>
        <translation>我自己備份電腦</translation>
    </message>
    <message>
        <source>My provider keeps backups</source>
        <translation>郵件服務商會備份</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>沒有人</translation>
    </message>
    <message>
        <source>I don&apos;t know</source>
        <translation>我不知道</translation>
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
        <source>Checks</source>
        <translation>檢查項目</translation>
    </message>
    <message>
        <source>Each source and server being checked, and its outcome</source>
        <translation>正在檢查的每個來源與伺服器，以及結果</translation>
    </message>
    <message>
        <source>Enter or change the settings by &amp;hand on the next page</source>
        <translation>在下一頁手動輸入或修改設定(&amp;H)</translation>
    </message>
    <message>
        <source>Servers found</source>
        <translation>找到的伺服器</translation>
    </message>
    <message>
        <source>Incoming (IMAP)</source>
        <translation>收信（IMAP）</translation>
    </message>
    <message>
        <source>Incoming (POP3)</source>
        <translation>收信（POP3）</translation>
    </message>
    <message>
        <source>Outgoing (SMTP)</source>
        <translation>寄信（SMTP）</translation>
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
        <source>Technical details</source>
        <translation>技術細節</translation>
    </message>
    <message>
        <source>Check a&amp;gain</source>
        <translation>重新檢查(&amp;G)</translation>
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
        <source>Problems found</source>
        <translation>發現的問題</translation>
    </message>
    <message>
        <source>Lets you type the server names, ports and security yourself</source>
        <translation>讓您自行輸入伺服器名稱、連接埠與安全性</translation>
    </message>
    <message>
        <source>Checking the mail servers for {domain}…</source>
        <translation>正在檢查 {domain} 的郵件伺服器…</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Finished. These are the servers we found.</source>
        <translation>完成。以下是我們找到的伺服器。</translation>
    </message>
    <message>
        <source>Finished, but no complete set of usable servers was found. You can enter the settings by hand on the next page.</source>
        <translation>已完成，但沒有找到一組完整可用的伺服器。您可以在下一頁手動輸入設定。</translation>
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
        <source>skipped</source>
        <translation>已略過</translation>
    </message>
    <message>
        <source>Confirms that you accept the risks listed above for this server</source>
        <translation>確認您接受上面列出的這台伺服器的風險</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>All done</source>
        <translation>全部完成</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
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
        <source>Your account {0} is ready to be set up.</source>
        <translation>您的帳號 {0} 已可以設定。</translation>
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
        <source>Copied to the clipboard.</source>
        <translation>已複製到剪貼簿。</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Save the settings</source>
        <translation>儲存設定</translation>
    </message>
    <message>
        <source>Choose the files to create for your mail programs. You can also print the setup sheet.</source>
        <translation>選擇要為您的郵件程式建立哪些檔案。您也可以列印設定說明表。</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>&amp;Thunderbird and others (autoconfig, config-v1.1.xml)</source>
        <translation>Thunderbird 等程式（autoconfig，config-v1.1.xml）(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Outlook (autodiscover.xml)</source>
        <translation>Outlook（autodiscover.xml）(&amp;O)</translation>
    </message>
    <message>
        <source>Setup &amp;sheet to read or print (HTML)</source>
        <translation>可閱讀或列印的設定說明表（HTML）(&amp;S)</translation>
    </message>
    <message>
        <source>Apple profile</source>
        <translation>Apple 描述檔</translation>
    </message>
    <message>
        <source>Si&amp;gn the profile with my certificate</source>
        <translation>用我的憑證簽署描述檔(&amp;G)</translation>
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
        <source>Anyone who gets the file can read the password; leave this off unless you need it</source>
        <translation>任何拿到這個檔案的人都能讀到密碼；除非必要，請不要勾選</translation>
    </message>
    <message>
        <source>Certificate &amp;file:</source>
        <translation>憑證檔(&amp;F)：</translation>
    </message>
    <message>
        <source>Certificate pass&amp;word:</source>
        <translation>憑證密碼(&amp;W)：</translation>
    </message>
    <message>
        <source>Folder for the files</source>
        <translation>存放檔案的資料夾</translation>
    </message>
    <message>
        <source>Choose the folder for the files</source>
        <translation>選擇存放檔案的資料夾</translation>
    </message>
    <message>
        <source>Sa&amp;ve files</source>
        <translation>儲存檔案(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Print setup sheet…</source>
        <translation>列印設定說明表(&amp;P)…</translation>
    </message>
    <message>
        <source>Save sheet as P&amp;DF…</source>
        <translation>將說明表存成 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Apple &amp;Mail, iPhone and iPad (.mobileconfig)</source>
        <translation>Apple 郵件、iPhone 與 iPad（.mobileconfig）(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Include my mail password in the Apple profile</source>
        <translation>在 Apple 描述檔中包含我的郵件密碼(&amp;I)</translation>
    </message>
    <message>
        <source>B&amp;rowse…</source>
        <translation>瀏覽(&amp;R)…</translation>
    </message>
    <message>
        <source>Fold&amp;er:</source>
        <translation>資料夾(&amp;E)：</translation>
    </message>
    <message>
        <source>Open fo&amp;lder</source>
        <translation>開啟資料夾(&amp;L)</translation>
    </message>
    <message>
        <source>What was saved</source>
        <translation>已儲存的內容</translation>
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
        <source>The folder {0} does not exist.</source>
        <translation>資料夾 {0} 不存在。</translation>
    </message>
    <message>
        <source>Choose at least one kind of file.</source>
        <translation>請至少選擇一種檔案。</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>沒有儲存任何東西。</translation>
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
        <source>%EMAILADDRESS% stands for your full email address</source>
        <translation>%EMAILADDRESS% 代表您完整的電子郵件地址</translation>
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
        <source>Server settings</source>
        <translation>伺服器設定</translation>
    </message>
    <message>
        <source>Enter the settings your provider gives you. You can test them before going on.</source>
        <translation>請輸入郵件服務商提供的設定。繼續之前可以先測試。</translation>
    </message>
    <message>
        <source>Incoming mail</source>
        <translation>收信</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP)</source>
        <translation>寄信（SMTP）</translation>
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
        <source>(passwords and mail would be sent without encryption)</source>
        <translation>（密碼與郵件會以未加密的方式傳送）</translation>
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
        <source>Both servers answered with verified encryption.</source>
        <translation>兩台伺服器都以經過驗證的加密連線回應。</translation>
    </message>
    <message>
        <source>Some settings did not work safely; see the results above.</source>
        <translation>有些設定無法安全運作；請看上方的結果。</translation>
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
        <source>You can skip this: your mail program will ask for the password. It is never written into the files we create.</source>
        <translation>您可以略過這一步：郵件程式會詢問密碼。密碼絕不會寫進我們建立的檔案中。</translation>
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
        <source>&amp;Test sign-in</source>
        <translation>測試登入(&amp;T)</translation>
    </message>
    <message>
        <source>Signs in to the incoming and outgoing server with this password, without sending mail</source>
        <translation>用這組密碼登入收信與寄信伺服器，不會寄出任何郵件</translation>
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
        <source>Sign-in progress</source>
        <translation>登入進度</translation>
    </message>
    <message>
        <source>Sign-in result</source>
        <translation>登入結果</translation>
    </message>
    <message>
        <source>There is no incoming and outgoing server to sign in to yet.</source>
        <translation>目前還沒有可以登入的收信與寄信伺服器。</translation>
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
        <source>Your server offers only {0}.</source>
        <translation>您的伺服器只提供 {0}。</translation>
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
    <name>discovery</name>
    <message>
        <source>The settings file {url} came over unencrypted HTTP and may have been forged by anyone on the network path. Check these servers before you trust them.</source>
        <translation>設定檔 {url} 是透過未加密的 HTTP 取得的，網路路徑上的任何人都可能偽造它。信任這些伺服器之前請先確認。</translation>
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
        <source>I understand the risks and want to use {host} anyway</source>
        <translation>我了解風險，仍要使用 {host}</translation>
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
        <translation>{domain}：沒有找到可用來寄信的 SMTP 伺服器</translation>
    </message>
    <message>
        <source>the server offers neither a usable IMAP nor a usable POP3 server</source>
        <translation>伺服器既沒有可用的 IMAP，也沒有可用的 POP3 伺服器</translation>
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
        <source>{path}: already exists (use --force to replace it)</source>
        <translation>{path}：檔案已經存在</translation>
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
        <translation>郵件帳號 {who}</translation>
    </message>
    <message>
        <source>Mail</source>
        <translation>郵件</translation>
    </message>
    <message>
        <source>Sets up the mail account {who} in Apple Mail.</source>
        <translation>在 Apple「郵件」中設定郵件帳號 {who}。</translation>
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
        <source>The server supports IMAP IDLE, so new mail appears at once.</source>
        <translation>伺服器支援 IMAP IDLE，新郵件會立刻出現。</translation>
    </message>
    <message>
        <source>The server supports UIDL, so POP3 can leave copies on the server for a while.</source>
        <translation>伺服器支援 UIDL，所以 POP3 可以在伺服器上保留副本一段時間。</translation>
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
        <source>The server does not support UIDL, so messages cannot be left on the server: each one is removed once downloaded.</source>
        <translation>伺服器不支援 UIDL，所以郵件無法留在伺服器上：每封郵件下載後都會被刪除。</translation>
    </message>
    <message>
        <source>POP3 is the only choice but you use several devices: each will download its own copies and none sees what the others did.</source>
        <translation>只能使用 POP3，但您有多台裝置：每台裝置會各自下載副本，彼此看不到對方做了什麼。</translation>
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
        <source>The server does not support IMAP IDLE: new mail shows up when the app next checks.</source>
        <translation>伺服器不支援 IMAP IDLE：新郵件要等程式下次檢查時才會出現。</translation>
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
        <translation>一切正常：已找到 {who} 的郵件伺服器，它們是安全的，且收信與寄信都接受了密碼。</translation>
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
        <translation>沒有找到 {who} 的安全收信與寄信伺服器。</translation>
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
        <translation>收信（{protocol}）</translation>
    </message>
    <message>
        <source>Also possible: incoming mail with {protocol}</source>
        <translation>也可以：用 {protocol} 收信</translation>
    </message>
    <message>
        <source>Outgoing mail (SMTP)</source>
        <translation>寄信（SMTP）</translation>
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
        <source>Encrypted password</source>
        <translation>加密密碼</translation>
    </message>
    <message>
        <source>OAuth2 (sign in through the provider&apos;s web page)</source>
        <translation>OAuth2（透過郵件服務商的網頁登入）</translation>
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
        <source>Outlook on Windows</source>
        <translation>Windows 版 Outlook</translation>
    </message>
    <message>
        <source>File › Add Account › enter the address › Advanced options › Let me set up my account manually › choose {protocol} › enter the incoming and outgoing servers above.</source>
        <translation>檔案 › 新增帳戶 › 輸入地址 › 進階選項 › 讓我手動設定我的帳戶 › 選擇 {protocol} › 輸入上面的收信與寄信伺服器。</translation>
    </message>
    <message>
        <source>Thunderbird (Windows, macOS, Linux)</source>
        <translation>Thunderbird（Windows、macOS、Linux）</translation>
    </message>
    <message>
        <source>Account Settings › Account Actions › Add Mail Account › enter name, address and password › Configure manually › enter the values above › Re-test › Done.</source>
        <translation>帳號設定 › 帳號動作 › 新增郵件帳號 › 輸入名字、地址與密碼 › 手動設定 › 輸入上面的值 › 重新測試 › 完成。</translation>
    </message>
    <message>
        <source>Mail on macOS</source>
        <translation>macOS 的「郵件」</translation>
    </message>
    <message>
        <source>Mail › Settings › Accounts › + › Other Mail Account › name, address, password › Sign In; when asked, choose {protocol} and enter the servers above.</source>
        <translation>郵件 › 設定 › 帳號 › + › 其他郵件帳號 › 名稱、地址、密碼 › 登入；詢問時選擇 {protocol} 並輸入上面的伺服器。</translation>
    </message>
    <message>
        <source>Mail on iPhone and iPad</source>
        <translation>iPhone 與 iPad 的「郵件」</translation>
    </message>
    <message>
        <source>Settings › Apps › Mail › Mail Accounts › Add Account › Other › Add Mail Account › Next › choose {protocol} › fill in Incoming and Outgoing Mail Server › Save.</source>
        <translation>設定 › App › 郵件 › 郵件帳號 › 加入帳號 › 其他 › 加入郵件帳號 › 下一步 › 選擇 {protocol} › 填寫內送與外寄郵件伺服器 › 儲存。</translation>
    </message>
    <message>
        <source>Android (Thunderbird for Android, K-9 Mail)</source>
        <translation>Android（Thunderbird for Android、K-9 Mail）</translation>
    </message>
    <message>
        <source>Add account › enter the address › Manual setup › {protocol} › incoming server settings, then outgoing server settings from above.</source>
        <translation>新增帳號 › 輸入地址 › 手動設定 › {protocol} › 依上面的內容填寫收信伺服器設定，再填寫寄信伺服器設定。</translation>
    </message>
    <message>
        <source>Made with Mail Setup Assistant. Keep this sheet: it holds no password.</source>
        <translation>由郵件設定助理製作。請保存這張說明表：上面沒有任何密碼。</translation>
    </message>
</context>
<context>
    <name>signin</name>
    <message>
        <source>The password works: you can receive and send mail.</source>
        <translation>密碼正確：您可以收信和寄信。</translation>
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
        <translation>寄信伺服器接受了您的登入，可以寄信（SMTP AUTH）。</translation>
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
        <source>the Thunderbird ISP database</source>
        <translation>Thunderbird ISP 資料庫</translation>
    </message>
    <message>
        <source>guessing</source>
        <translation>推測</translation>
    </message>
    <message>
        <source>your input</source>
        <translation>您的輸入</translation>
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
        <source>The certificate was issued by an authority this computer does not trust; if your organisation runs its own, point --cafile at its certificate.</source>
        <translation>憑證的簽發機構不受這台電腦信任；如果您的組織有自己的憑證機構，請用 --cafile 指定它的憑證。</translation>
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
        <translation>沒有為 {domain} 找到使用已驗證加密的收信伺服器（IMAP 或 POP3）。</translation>
    </message>
    <message>
        <source>No outgoing server (SMTP submission) with verified encryption was found for {domain}.</source>
        <translation>沒有為 {domain} 找到使用已驗證加密的寄信伺服器（SMTP 提交）。</translation>
    </message>
</context>
</TS>
