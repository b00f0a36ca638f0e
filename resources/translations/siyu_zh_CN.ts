<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>interrupted; nothing was changed</source>
        <translation>已中断，没有做任何改动</translation>
    </message>
    <message>
        <source>unexpected error: %1 (details in %2)</source>
        <translation>意外错误：%1（详情见 %2）</translation>
    </message>
    <message>
        <source>Demo shop created in %1: %2 customers, %3 orders, %4 groups, %5 coupons, %6 content items (%7 s).</source>
        <translation>演示店铺已创建于 %1：%2 位客户，%3 笔订单，%4 个社群，%5 张优惠券，%6 条内容（用时 %7 秒）。</translation>
    </message>
    <message>
        <source>Backup saved to %1</source>
        <translation>备份已保存到 %1</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>关系等级</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责员工</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Fan</source>
        <translation>粉丝</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>KOC</source>
        <translation>KOC</translation>
    </message>
</context>
<context>
    <name>CustomersView</name>
    <message>
        <source>Could not read the customer list: %1</source>
        <translation>无法读取客户列表：%1</translation>
    </message>
    <message>
        <source>Preparing search…</source>
        <translation>正在准备搜索…</translation>
    </message>
    <message>
        <source>%1 of %2 customers</source>
        <translation>找到 %1 位（共 %2 位客户）</translation>
    </message>
    <message>
        <source>%1 customers</source>
        <translation>共 %1 位客户</translation>
    </message>
    <message>
        <source>Search name, remark, phone, WeChat ID or pinyin initials (Ctrl+F)</source>
        <translation>搜索姓名、备注名、手机号、微信号或拼音首字母（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>DemoOffer</name>
    <message>
        <source>Welcome to Siyu</source>
        <translation>欢迎使用私域助手</translation>
    </message>
    <message>
        <source>This shop is empty. Create a demo shop to look around?</source>
        <translation>店铺里还没有数据。要先创建一个演示店铺看看吗？</translation>
    </message>
    <message>
        <source>The demo bakery has 5,000 customers with two years of orders, groups, coupons and a week of content. You can start from an empty shop instead and import your own customers later.</source>
        <translation>演示烘焙店有 5,000 位客户和两年的订单、社群、优惠券以及一周的内容计划。也可以从空白店铺开始，稍后导入自己的客户。</translation>
    </message>
    <message>
        <source>Create the demo shop</source>
        <translation>创建演示店铺</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <source>Creating the demo shop…</source>
        <translation>正在创建演示店铺…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Demo shop</source>
        <translation>演示店铺</translation>
    </message>
    <message>
        <source>Creating the demo shop: %1</source>
        <translation>正在创建演示店铺：%1</translation>
    </message>
    <message>
        <source>The demo shop was not created: %1</source>
        <translation>演示店铺未创建：%1</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Backups of a shared server database are made on the server ({where}).</source>
        <translation>共享服务器数据库的备份在服务器上进行（{where}）。</translation>
    </message>
    <message>
        <source>{where} does not exist.</source>
        <translation>{where} 不存在。</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file.</source>
        <translation>{path} 是文件夹，不是数据库文件。</translation>
    </message>
    <message>
        <source>{path} is not a Siyu database.</source>
        <translation>{path} 不是私域助手的数据库。</translation>
    </message>
    <message>
        <source>Cannot open {path}: {reason}</source>
        <translation>无法打开 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} is not a Siyu database ({reason}).</source>
        <translation>{path} 不是私域助手的数据库（{reason}）。</translation>
    </message>
    <message>
        <source>{where} was written by a newer version of Siyu (schema {found}, this version knows up to {head}). Please update Siyu; the database was not changed.</source>
        <translation>{where} 由更新版本的私域助手创建（数据结构版本 {found}，当前版本最高支持 {head}）。请先升级私域助手；数据库未做任何改动。</translation>
    </message>
    <message>
        <source>Cannot connect to {where}: {reason}</source>
        <translation>无法连接 {where}：{reason}</translation>
    </message>
    <message>
        <source>{where} needs an upgrade to schema {head}; open it in Siyu first.</source>
        <translation>{where} 需要升级到数据结构版本 {head}，请先用私域助手打开它。</translation>
    </message>
    <message>
        <source>{where} is empty.</source>
        <translation>{where} 是空的。</translation>
    </message>
    <message>
        <source>{where} has schema {found}; this version upgrades it to {head}.</source>
        <translation>{where} 的数据结构版本为 {found}，打开时会升级到 {head}。</translation>
    </message>
    <message>
        <source>{where} is damaged: {reason}</source>
        <translation>{where} 已损坏：{reason}</translation>
    </message>
    <message>
        <source>{where} has rows pointing at missing rows in table {table}.</source>
        <translation>{where} 的 {table} 表中有记录指向不存在的数据。</translation>
    </message>
    <message>
        <source>{where}: healthy, schema {found}.</source>
        <translation>{where}：完好，数据结构版本 {found}。</translation>
    </message>
    <message>
        <source>The demo needs at least one customer.</source>
        <translation>演示店铺至少需要一位客户。</translation>
    </message>
    <message>
        <source>The shop already has {count} customers; the demo only fills an empty shop.</source>
        <translation>店铺里已有 {count} 位客户；演示数据只能填入空白店铺。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Siyu - private-domain assistant</source>
        <translation>私域助手</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back up the database now</source>
        <translation>立即备份数据库(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Siyu</source>
        <translation>关于私域助手(&amp;A)</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>%1 customers, %2 shown</source>
        <translation>共 %1 位客户，显示 %2 位</translation>
    </message>
    <message>
        <source>%1 customers</source>
        <translation>共 %1 位客户</translation>
    </message>
    <message>
        <source>About Siyu</source>
        <translation>关于私域助手</translation>
    </message>
    <message>
        <source>Siyu %1
Customers, groups, coupons and content plans for a small shop&apos;s private domain.</source>
        <translation>私域助手 %1
为小店管理私域：客户、社群、优惠券和内容计划。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Siyu cannot open the database</source>
        <translation>私域助手无法打开数据库</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Backup saved to %1</source>
        <translation>备份已保存到 %1</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
</context>
</TS>
