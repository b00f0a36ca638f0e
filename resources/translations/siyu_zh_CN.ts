<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountDialog</name>
    <message>
        <source>Change the password of %1</source>
        <translation>修改 %1 的密码</translation>
    </message>
    <message>
        <source>Sign-in for %1</source>
        <translation>%1 的登录账号</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再输一次密码</translation>
    </message>
    <message>
        <source>At least 6 characters. The member signs in with this login and password.</source>
        <translation>至少 6 位。这位员工用这个登录名和密码打开店铺。</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一样。</translation>
    </message>
</context>
<context>
    <name>ActivityLibraryDialog</name>
    <message>
        <source>Group plays</source>
        <translation>社群玩法库</translation>
    </message>
    <message>
        <source>New play</source>
        <translation>新玩法</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restore the original</source>
        <translation>恢复默认</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Rhythm</source>
        <translation>节奏</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>%1 (own)</source>
        <translation>%1（自建）</translation>
    </message>
    <message>
        <source>Each parameter line is name = value; this one is not: %1</source>
        <translation>每行参数写成“名称 = 值”，这一行不是：%1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>BinTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Remark name</source>
        <translation>备注名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>删除时间</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>累计消费</translation>
    </message>
</context>
<context>
    <name>CampaignDialog</name>
    <message>
        <source>Edit campaign</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source> 折</source>
        <translation> 折</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>活动名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>券类型</translation>
    </message>
    <message>
        <source>Value off</source>
        <translation>减免金额</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>For orders from</source>
        <translation>使用门槛（满）</translation>
    </message>
    <message>
        <source>At most off</source>
        <translation>最多优惠</translation>
    </message>
    <message>
        <source>Gift&apos;s cost to the shop</source>
        <translation>赠品成本</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Days after issue</source>
        <translation>领取后天数</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Total quantity</source>
        <translation>发放总量</translation>
    </message>
    <message>
        <source>Per customer</source>
        <translation>每人限领</translation>
    </message>
    <message>
        <source>Control group</source>
        <translation>对照组</translation>
    </message>
    <message>
        <source>How to claim</source>
        <translation>领取条件</translation>
    </message>
    <message>
        <source>Runs in group</source>
        <translation>所在社群</translation>
    </message>
    <message>
        <source>Announced by</source>
        <translation>推送内容</translation>
    </message>
    <message>
        <source>Group play</source>
        <translation>社群玩法</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Hold back this share of the customers (they get nothing), to measure what the coupon really brought</source>
        <translation>按这个比例留出一部分客户不发券，用来衡量券真正带来的效果</translation>
    </message>
    <message>
        <source>a number of days after issue (else until a fixed day)</source>
        <translation>按领取后天数计算（不勾选则到固定日期为止）</translation>
    </message>
</context>
<context>
    <name>CampaignTableModel</name>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>核销</translation>
    </message>
    <message>
        <source>Redemption rate</source>
        <translation>核销率</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
</context>
<context>
    <name>ClassTableModel</name>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Revenue share</source>
        <translation>收入占比</translation>
    </message>
    <message>
        <source>Per order</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Suggested action</source>
        <translation>建议动作</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
</context>
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
    <message>
        <source>row %1, column %2: %3</source>
        <translation>第 %1 行，%2 列：%3</translation>
    </message>
    <message>
        <source>… and %1 more problems</source>
        <translation>……还有 %1 个问题</translation>
    </message>
    <message>
        <source>%1: %2 inserted, %3 updated, %4 unchanged, %5 invalid</source>
        <translation>%1：新增 %2，更新 %3，未变 %4，无效 %5</translation>
    </message>
    <message>
        <source>%1 repeated rows merged</source>
        <translation>合并重复行 %1</translation>
    </message>
    <message>
        <source>%1 closed, unpaid or refunded orders left out</source>
        <translation>%1 个已关闭、未付款或已全额退款的订单未导入</translation>
    </message>
    <message>
        <source>%1 voided coupons left out</source>
        <translation>%1 张已作废的券未导入</translation>
    </message>
    <message>
        <source>%1 coupons marked used with no redemption time or order, kept as not redeemed</source>
        <translation>%1 张券标为已使用，但没有核销时间或订单号，按未核销导入</translation>
    </message>
    <message>
        <source>%1 rows of the shop&apos;s own staff left out</source>
        <translation>%1 行本店员工（企业成员）未导入</translation>
    </message>
    <message>
        <source>%1 further order lines added into their orders</source>
        <translation>%1 行商品明细并入所属订单</translation>
    </message>
    <message>
        <source>%1 new customers created</source>
        <translation>新建客户 %1</translation>
    </message>
    <message>
        <source>%1 new campaigns created</source>
        <translation>新建活动 %1 个</translation>
    </message>
    <message>
        <source>%1 new groups created</source>
        <translation>新建社群 %1 个</translation>
    </message>
    <message>
        <source>%1 new staff</source>
        <translation>新建员工 %1</translation>
    </message>
    <message>
        <source>columns not imported: %1</source>
        <translation>未导入的列：%1</translation>
    </message>
    <message>
        <source>Dry run, nothing changed. %1</source>
        <translation>试运行，未做任何改动。%1</translation>
    </message>
    <message>
        <source>Nothing imported. %1</source>
        <translation>未导入任何数据。%1</translation>
    </message>
    <message>
        <source>Error report: %1</source>
        <translation>错误报告：%1</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>已写入 %1 行到 %2</translation>
    </message>
    <message>
        <source>RFM as of %1: %2 customers, %3 with orders</source>
        <translation>RFM（截至 %1）：共 %2 位客户，其中 %3 位下过单</translation>
    </message>
    <message>
        <source>class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>revenue share</source>
        <translation>收入占比</translation>
    </message>
    <message>
        <source>%1 customers without orders are prospects.</source>
        <translation>%1 位还没下单的客户属于潜在用户。</translation>
    </message>
    <message>
        <source>%1: every check passes.</source>
        <translation>%1：全部检查通过。</translation>
    </message>
    <message>
        <source>Weekly report %1: %2 pages written to %3</source>
        <translation>周报 %1：已写入 %2 页到 %3</translation>
    </message>
    <message>
        <source>Figures written to %1</source>
        <translation>指标已写入 %1</translation>
    </message>
    <message>
        <source>Template written to %1</source>
        <translation>模板已保存到 %1</translation>
    </message>
    <message>
        <source>Copied %1 rows from %2 to %3; every table matches (row counts and checksums).</source>
        <translation>已从 %2 复制 %1 行到 %3；每张表都一致（行数和校验和）。</translation>
    </message>
    <message>
        <source>The copy in %1 differs from %2 (tables marked ✗).</source>
        <translation>%1 中的副本与 %2 不一致（标 ✗ 的表）。</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>%1 can now sign in as %2.</source>
        <translation>%1 现在可以用 %2 登录了。</translation>
    </message>
    <message>
        <source>%1 has left: %2 customers, %3 groups and %4 follow-ups handed over; the login was removed.</source>
        <translation>%1 已离职：已交接 %2 位客户、%3 个社群和 %4 条跟进；登录账号已删除。</translation>
    </message>
</context>
<context>
    <name>CouponTableModel</name>
    <message>
        <source>Code</source>
        <translation>券码</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>领取人</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效至</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>核销时间</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
</context>
<context>
    <name>Coupons</name>
    <message>
        <source>Amount off above a threshold</source>
        <translation>满减券</translation>
    </message>
    <message>
        <source>Percentage off</source>
        <translation>折扣券</translation>
    </message>
    <message>
        <source>Amount off, no threshold</source>
        <translation>无门槛券</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>赠品券</translation>
    </message>
</context>
<context>
    <name>CouponsView</name>
    <message>
        <source>Expiring within 3 days (%1)</source>
        <translation>3 天内到期（%1）</translation>
    </message>
    <message>
        <source>%1 campaigns, %2 coupons issued, %3 redeemed</source>
        <translation>%1 个活动，已发 %2 张券，核销 %3 张</translation>
    </message>
    <message>
        <source>Issued %1, redeemed %2 (%3); GMV ¥%4, cost ¥%5, ROI %6</source>
        <translation>发放 %1，核销 %2（%3）；GMV ¥%4，成本 ¥%5，ROI %6</translation>
    </message>
    <message>
        <source>Control group: %1 customers held back.</source>
        <translation>对照组：留出 %1 位客户。</translation>
    </message>
    <message>
        <source>Against the %1 customers held back, the coupon made a difference of %2 buyers and %3 GMV.</source>
        <translation>与留出的 %1 位客户相比，券带来的差别：购买者 %2 位，GMV %3。</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>核销</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Chosen in the customer list</source>
        <translation>客户列表中选择</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Handed out at the counter</source>
        <translation>到店发放</translation>
    </message>
    <message>
        <source>By staff</source>
        <translation>按员工</translation>
    </message>
    <message>
        <source>By how it was issued</source>
        <translation>按发放渠道</translation>
    </message>
    <message>
        <source>By content item</source>
        <translation>按内容</translation>
    </message>
    <message>
        <source>Coupons redeemed per day</source>
        <translation>每日核销张数</translation>
    </message>
    <message>
        <source>%1 coupons issued.</source>
        <translation>已发放 %1 张券。</translation>
    </message>
    <message>
        <source>Print coupon cards</source>
        <translation>打印券卡</translation>
    </message>
    <message>
        <source>How many cards (ten to a page)?</source>
        <translation>要打印几张（每页 10 张）？</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>%1 cards on %2 pages written to %3</source>
        <translation>%1 张券卡（%2 页）已保存到 %3</translation>
    </message>
    <message>
        <source>Print cards…</source>
        <translation>打印券卡…</translation>
    </message>
    <message>
        <source>New campaign…</source>
        <translation>新建活动…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Issue coupons…</source>
        <translation>发券…</translation>
    </message>
    <message>
        <source>Redeem (F9)</source>
        <translation>核销（F9）</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>券</translation>
    </message>
    <message>
        <source>Expiring within 3 days</source>
        <translation>3 天内到期</translation>
    </message>
    <message>
        <source>Search a code or a phone number</source>
        <translation>搜索券码或手机号</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Copied</source>
        <translation>已复制</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>隐藏详细信息</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>显示详细信息</translation>
    </message>
    <message>
        <source>Siyu ran into a problem</source>
        <translation>私域助手遇到了问题</translation>
    </message>
    <message>
        <source>Sorry, something went wrong</source>
        <translation>抱歉，程序出了点问题</translation>
    </message>
    <message>
        <source>An unexpected error stopped what Siyu was doing just now, so that step was not finished.

No data was lost: everything saved before is still in the database, and an unfinished change is never half-written. You can go on working, or quit and start Siyu again.

If it happens again, press “Copy details” and send them to whoever looks after your computer. The details are also in the log: %1</source>
        <translation>刚才的操作遇到了一个意外错误，这一步没有完成。

你的数据没有丢失：之前保存的内容都还在数据库里，没完成的修改也不会只写进一半。你可以继续使用，也可以退出后重新打开私域助手。

如果问题再次出现，请点“复制详细信息”，发给帮你维护电脑的人。详细信息也已写入日志：%1</translation>
    </message>
    <message>
        <source>%1 errors happened while this message was open.</source>
        <translation>这个提示打开期间又发生了错误，共 %1 个。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Quit Siyu</source>
        <translation>退出私域助手</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>继续使用</translation>
    </message>
</context>
<context>
    <name>CustomerDetailPane</name>
    <message>
        <source>%1 orders, %2 spent, %3 per order, last order %4</source>
        <translation>%1 单，累计 %2，客单价 %3，最近下单 %4</translation>
    </message>
    <message>
        <source>(in the recycle bin)</source>
        <translation>（在回收站中）</translation>
    </message>
    <message>
        <source>(no one)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (departed)</source>
        <translation>%1（已离职）</translation>
    </message>
    <message>
        <source>redeemed %1</source>
        <translation>%1 已核销</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>有效至 %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>%1 到期</translation>
    </message>
    <message>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>%1 orders, %2 in total, %3 refunded</source>
        <translation>共 %1 单，合计 %2，退款 %3</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>已在别处修改</translation>
    </message>
    <message>
        <source>Reload now?</source>
        <translation>现在重新载入吗？</translation>
    </message>
    <message>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <source>The previous tag of this one-per-customer group was replaced.</source>
        <translation>这个标签组每人只能有一个标签，原来的标签已被替换。</translation>
    </message>
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
        <source>Member code</source>
        <translation>会员编号</translation>
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
        <source>Birthday</source>
        <translation>生日</translation>
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
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责员工</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>关系等级</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注信息</translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>还原</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>自定义字段</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
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
        <source>Follow-ups</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Add tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove selected tags</source>
        <translation>移除选中的标签</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>添加字段</translation>
    </message>
    <message>
        <source>Save fields</source>
        <translation>保存字段</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入群</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>退群</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>券码</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>What to follow up…</source>
        <translation>要跟进什么……</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Mark selected as done</source>
        <translation>将选中的标为已完成</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>CustomerFilterBar</name>
    <message>
        <source>All tags</source>
        <translation>全部标签</translation>
    </message>
    <message>
        <source>Any tag group</source>
        <translation>全部标签组</translation>
    </message>
    <message>
        <source>Has a tag of %1</source>
        <translation>有“%1”标签</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <source>Assigned to no one</source>
        <translation>未分配</translation>
    </message>
    <message>
        <source>%1 (departed)</source>
        <translation>%1（已离职）</translation>
    </message>
    <message>
        <source>All staff</source>
        <translation>全部员工</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <source>With or without orders</source>
        <translation>订单不限</translation>
    </message>
    <message>
        <source>Has orders</source>
        <translation>有订单</translation>
    </message>
    <message>
        <source>No orders yet</source>
        <translation>还没有订单</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>清除筛选</translation>
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
        <source>Showing only %1: %2 customers</source>
        <translation>只显示“%1”：%2 位客户</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Select one or more customers first.</source>
        <translation>请先选择一位或多位客户。</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Tag for %1 customers:</source>
        <translation>给 %1 位客户添加标签：</translation>
    </message>
    <message>
        <source>Tag %1 added to %2 customers</source>
        <translation>已给 %2 位客户添加标签“%1”</translation>
    </message>
    <message>
        <source>Remove a tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Tag to remove from %1 customers:</source>
        <translation>从 %1 位客户移除标签：</translation>
    </message>
    <message>
        <source>Tag %1 removed from %2 customers</source>
        <translation>已从 %2 位客户移除标签“%1”</translation>
    </message>
    <message>
        <source>Set the level</source>
        <translation>设置关系等级</translation>
    </message>
    <message>
        <source>Level for %1 customers:</source>
        <translation>%1 位客户的关系等级：</translation>
    </message>
    <message>
        <source>%1 customers are now %2</source>
        <translation>%1 位客户已设为%2</translation>
    </message>
    <message>
        <source>(no one)</source>
        <translation>（不分配）</translation>
    </message>
    <message>
        <source>Assign staff</source>
        <translation>分配负责员工</translation>
    </message>
    <message>
        <source>Who looks after %1 customers:</source>
        <translation>谁来负责这 %1 位客户：</translation>
    </message>
    <message>
        <source>%1 customers assigned to %2</source>
        <translation>%1 位客户已分配给 %2</translation>
    </message>
    <message>
        <source>Move to the recycle bin</source>
        <translation>移入回收站</translation>
    </message>
    <message>
        <source>Move %1 customers to the recycle bin? You can restore them from there.</source>
        <translation>将 %1 位客户移入回收站？之后可以从回收站恢复。</translation>
    </message>
    <message>
        <source>%1 customers moved to the recycle bin.</source>
        <translation>已将 %1 位客户移入回收站。</translation>
    </message>
    <message>
        <source>%1 customers restored</source>
        <translation>已恢复 %1 位客户</translation>
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
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Show all customers</source>
        <translation>显示全部客户</translation>
    </message>
    <message>
        <source>Add a tag…</source>
        <translation>添加标签…</translation>
    </message>
    <message>
        <source>Remove a tag…</source>
        <translation>移除标签…</translation>
    </message>
    <message>
        <source>Set the level…</source>
        <translation>设置关系等级…</translation>
    </message>
    <message>
        <source>Assign staff…</source>
        <translation>分配负责员工…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Add to a group…</source>
        <translation>加入社群…</translation>
    </message>
    <message>
        <source>Issue coupons…</source>
        <translation>发券…</translation>
    </message>
    <message>
        <source>Search name, remark, phone, WeChat ID or pinyin initials (Ctrl+F)</source>
        <translation>搜索姓名、备注名、手机号、微信号或拼音首字母（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>High-value customers turned dormant: %1</source>
        <translation>高价值客户转为沉睡：%1 位</translation>
    </message>
    <message>
        <source>Groups over capacity: %1</source>
        <translation>超员社群：%1 个</translation>
    </message>
    <message>
        <source>Groups dead two weeks running: %1</source>
        <translation>连续两周死群：%1 个</translation>
    </message>
    <message>
        <source>SOP items missed: %1</source>
        <translation>SOP 漏发：%1 条</translation>
    </message>
    <message>
        <source>Coupons expiring within 3 days: %1</source>
        <translation>3 天内到期的优惠券：%1 张</translation>
    </message>
    <message>
        <source>Birthdays this week: %1</source>
        <translation>本周生日客户：%1 位</translation>
    </message>
    <message>
        <source>Follow-ups due: %1</source>
        <translation>待跟进客户：%1 位</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交额 GMV</translation>
    </message>
    <message>
        <source>GMV from new buyers</source>
        <translation>新客成交额</translation>
    </message>
    <message>
        <source>GMV from returning buyers</source>
        <translation>老客成交额</translation>
    </message>
    <message>
        <source>Buyers (new / returning)</source>
        <translation>购买人数（新客 / 老客）</translation>
    </message>
    <message>
        <source>Per buyer (new / returning)</source>
        <translation>客单价（新客 / 老客）</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>New private-domain contacts</source>
        <translation>新增私域联系人</translation>
    </message>
    <message>
        <source>Active customers (30 days)</source>
        <translation>活跃客户（30 天）</translation>
    </message>
    <message>
        <source>Coupons issued / redeemed</source>
        <translation>发券 / 核销</translation>
    </message>
    <message>
        <source>coupon orders %1, K %2</source>
        <translation>用券订单 %1，裂变系数 K %2</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>死群</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Returning buyers</source>
        <translation>老客</translation>
    </message>
    <message>
        <source>New buyers</source>
        <translation>新客</translation>
    </message>
    <message>
        <source>Weekly GMV (yuan): new buyers on returning buyers</source>
        <translation>每周成交额（元）：老客在下，新客在上</translation>
    </message>
    <message>
        <source>GMV (yuan)</source>
        <translation>成交额（元）</translation>
    </message>
    <message>
        <source>Buyers (people)</source>
        <translation>购买人数（人）</translation>
    </message>
    <message>
        <source>Buyers per week</source>
        <translation>每周购买人数</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>Weekly report: print preview…</source>
        <translation>周报：打印预览…</translation>
    </message>
    <message>
        <source>Print the week&apos;s report (Ctrl+P)</source>
        <translation>打印这一周的周报（Ctrl+P）</translation>
    </message>
    <message>
        <source>Save the report as PDF…</source>
        <translation>周报存为 PDF…</translation>
    </message>
    <message>
        <source>Groups by grade</source>
        <translation>社群分级</translation>
    </message>
    <message>
        <source>To do (click to open)</source>
        <translation>待办（点击打开）</translation>
    </message>
</context>
<context>
    <name>DayFiguresDialog</name>
    <message>
        <source>Daily group figures</source>
        <translation>录入社群每日数据</translation>
    </message>
    <message>
        <source>Type the figures from WeChat&apos;s group statistics; a group left at 0 has no figures that day.</source>
        <translation>按微信群统计填写；全部为 0 的群表示当天没有数据。</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Discard the figures typed for the other day?</source>
        <translation>放弃已为另一天填写的数据？</translation>
    </message>
    <message>
        <source>Saved: %1 groups changed.</source>
        <translation>已保存：%1 个社群有改动。</translation>
    </message>
</context>
<context>
    <name>DayFiguresModel</name>
    <message>
        <source>Members</source>
        <translation>群成员数</translation>
    </message>
    <message>
        <source>Spoke</source>
        <translation>发言人数</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>访客数</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>支付人数</translation>
    </message>
    <message>
        <source>GMV (yuan)</source>
        <translation>支付金额（元）</translation>
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
    <name>DuplicatesDialog</name>
    <message>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复客户…</translation>
    </message>
    <message>
        <source>Could not look for duplicates: %1</source>
        <translation>无法查找重复客户：%1</translation>
    </message>
    <message>
        <source>%1 group(s) of possible duplicates.</source>
        <translation>共 %1 组疑似重复。</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source>Same phone</source>
        <translation>同手机号</translation>
    </message>
    <message>
        <source>Same name and WeChat ID</source>
        <translation>同姓名和微信号</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Remark name</source>
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
        <source>City</source>
        <translation>城市</translation>
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
        <source>Added</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Merged %1 record(s) into “%2” (#%3).</source>
        <translation>已将 %1 条记录合并到“%2”（#%3）。</translation>
    </message>
    <message>
        <source>Merge %1 record(s) into “%2” (#%3)?

Moved to the kept record: %4 order(s), %5 tag(s), %6 follow-up(s), %7 group membership(s) and %8 coupon(s); %9 empty field(s) are filled in, and the notes are combined.

The other records are then deleted. This cannot be undone.</source>
        <translation>将 %1 条记录合并到“%2”（#%3）？

移到保留记录的有：%4 笔订单、%5 个标签、%6 条跟进记录、%7 个社群成员关系和 %8 张优惠券；补全 %9 项空白资料，备注合并保留。

随后删除其余记录。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Find duplicate customers</source>
        <translation>查找重复客户</translation>
    </message>
    <message>
        <source>Customers with the same phone number (a WeChat ID that is a phone number counts), or with the same name and WeChat ID, may be one person entered twice. Choose the record to keep and merge the others into it.</source>
        <translation>手机号相同（微信号就是手机号的也算），或姓名和微信号都相同的客户，可能是同一个人被录入了两次。请选择要保留的记录，把其余记录合并进来。</translation>
    </message>
    <message>
        <source>The kept record gets every order, tag, note, follow-up, group membership and coupon of the records merged into it, and its empty fields are filled from them. Values that differ are written into its notes; the merged records are then deleted.</source>
        <translation>保留的记录会得到被合并记录的全部订单、标签、备注、跟进记录、社群成员关系和优惠券，空白资料也会用它们补全。不一致的资料写入备注；被合并的记录随后删除。</translation>
    </message>
    <message>
        <source>No duplicates found.

Customers with the same phone number, or with the same name and WeChat ID, would be listed here.</source>
        <translation>没有发现重复客户。

手机号相同、或姓名和微信号都相同的客户会列在这里。</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Search again</source>
        <translation>重新查找</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
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
        <source>{where} asks for a login and password.</source>
        <translation>{where} 需要登录名和密码。</translation>
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
    <message>
        <source>Nothing was restored: a restored customer would clash with a live customer ({reason}).</source>
        <translation>未恢复任何客户：要恢复的客户与现有客户冲突（{reason}）。</translation>
    </message>
    <message>
        <source>Choose at least one other customer to merge into the one kept.</source>
        <translation>请至少再选择一位客户，合并到保留的客户中。</translation>
    </message>
    <message>
        <source>Customer #{id} cannot be merged: it no longer exists or is in the recycle bin.</source>
        <translation>客户 #{id} 无法合并：该客户已不存在，或在回收站中。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the file is open in another program (Excel?), or this folder cannot be written to. Close it, or choose another name or folder.</source>
        <translation>无法写入 {path}：文件可能正在其他程序（如 Excel）中打开，或这个文件夹不能写入。请关闭该文件，或换一个文件名或文件夹。</translation>
    </message>
    <message>
        <source>Cannot write {path}: the folder does not exist.</source>
        <translation>无法写入 {path}：文件夹不存在。</translation>
    </message>
    <message>
        <source>{path}: export to a .xlsx or .csv file.</source>
        <translation>{path}：只能导出为 .xlsx 或 .csv 文件。</translation>
    </message>
    <message>
        <source>{path}: a template is an .xlsx file.</source>
        <translation>{path}：模板必须是 .xlsx 文件。</translation>
    </message>
    <message>
        <source>{path} is empty: it has no rows with data.</source>
        <translation>{path} 是空的：没有任何有内容的行。</translation>
    </message>
    <message>
        <source>{path}: no header row found in the first {rows} rows. Add a row with column names such as {examples}.</source>
        <translation>{path}：前 {rows} 行中没有找到表头。请加一行列名，例如 {examples}。</translation>
    </message>
    <message>
        <source>{path} has column names in row {row} but no data under them.</source>
        <translation>{path} 第 {row} 行有列名，但下面没有数据。</translation>
    </message>
    <message>
        <source>{column} holds masked numbers (such as 622202******1234), which name no customer: export the file with full numbers, or add a phone column.</source>
        <translation>{column} 列的号码是打码的（如 622202******1234），认不出是哪位客户：请导出完整号码的文件，或加上手机号列。</translation>
    </message>
    <message>
        <source>Two columns are mapped to the same field: {fields}.</source>
        <translation>有两列对应到了同一个字段：{fields}。</translation>
    </message>
    <message>
        <source>The column name {name} is longer than 64 characters: shorten it in the file, or do not import that column.</source>
        <translation>列名 {name} 超过 64 个字：请在文件里改短，或者不导入这一列。</translation>
    </message>
    <message>
        <source>Map at least one column to the name, phone, member code or WeChat ID.</source>
        <translation>请至少把一列对应到姓名、手机号、会员编号或微信号。</translation>
    </message>
    <message>
        <source>This import needs these columns: {fields}.</source>
        <translation>这个导入需要这些列：{fields}。</translation>
    </message>
    <message>
        <source>An order import needs these columns: {fields}.</source>
        <translation>导入订单需要这些列：{fields}。</translation>
    </message>
    <message>
        <source>{path} cannot be read as CSV: {reason}</source>
        <translation>{path} 无法按 CSV 读取：{reason}</translation>
    </message>
    <message>
        <source>This staff member no longer exists.</source>
        <translation>这位员工已不存在。</translation>
    </message>
    <message>
        <source>Choose another member to take over from {name}.</source>
        <translation>请选择另一位员工来接手{name}的工作。</translation>
    </message>
    <message>
        <source>{name} has left the shop; choose a member who still works here.</source>
        <translation>{name}已离职，请选择一位在职员工。</translation>
    </message>
    <message>
        <source>{name} still looks after {customers} customers, {groups} groups and {follow_ups} open follow-ups; hand them over to another member first.</source>
        <translation>{name}仍负责 {customers} 位客户、{groups} 个社群和 {follow_ups} 条待跟进，请先交接给其他员工。</translation>
    </message>
    <message>
        <source>{name} is the shop&apos;s only active owner; make another member owner first.</source>
        <translation>{name}是店里唯一在职的店主，请先把另一位员工设为店主。</translation>
    </message>
    <message>
        <source>A staff member named {name} already exists.</source>
        <translation>已有名为“{name}”的员工。</translation>
    </message>
    <message>
        <source>Unknown role {role}.</source>
        <translation>未知角色：{role}。</translation>
    </message>
    <message>
        <source>File not found: {path}</source>
        <translation>找不到文件：{path}</translation>
    </message>
    <message>
        <source>{path} is empty.</source>
        <translation>{path} 是空文件。</translation>
    </message>
    <message>
        <source>{path} has no sheets.</source>
        <translation>{path} 没有工作表。</translation>
    </message>
    <message>
        <source>{path} has no sheet named {sheet}; it has: {sheets}.</source>
        <translation>{path} 中没有名为 {sheet} 的工作表；现有：{sheets}。</translation>
    </message>
    <message>
        <source>{path} is not text in UTF-8, GBK, GB18030 or Western (cp1252); save it as CSV UTF-8.</source>
        <translation>{path} 不是 UTF-8、GBK、GB18030 或西文（cp1252）编码的文本；请另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>无法读取 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path}: only .xlsx, .xls and .csv files can be imported.</source>
        <translation>{path}：只能导入 .xlsx、.xls 和 .csv 文件。</translation>
    </message>
    <message>
        <source>{path} is protected by a password: open it in Excel, remove the password (File → Info → Protect Workbook) and save it again.</source>
        <translation>{path} 设置了打开密码：请用 Excel 打开，取消密码（文件 → 信息 → 保护工作簿）后重新保存。</translation>
    </message>
    <message>
        <source>{path} is a web page without a table; open it in Excel and save it as .xlsx.</source>
        <translation>{path} 是一个没有表格的网页文件；请用 Excel 打开后另存为 .xlsx。</translation>
    </message>
    <message>
        <source>Please enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>The name {name} is too long (at most {limit} characters).</source>
        <translation>名称“{name}”太长（最多 {limit} 个字）。</translation>
    </message>
    <message>
        <source>{color} is not a colour like #5b8def.</source>
        <translation>{color} 不是有效的颜色（格式如 #5b8def）。</translation>
    </message>
    <message>
        <source>{count} customers hold more than one tag of {group}, so it cannot be made exclusive (one tag per customer). Remove or merge the extra tags first.</source>
        <translation>有 {count} 位客户同时拥有“{group}”中的多个标签，无法设为独占（每位客户一个）。请先移除或合并多余的标签。</translation>
    </message>
    <message>
        <source>{count} customers with the tag {tag} already hold a tag of {group}, which allows one tag per customer. Remove one of the tags from them, or merge the tags instead.</source>
        <translation>带有标签“{tag}”的客户中有 {count} 位已拥有“{group}”的标签，而该分组每位客户只能有一个标签。请先从这些客户身上移除其中一个标签，或改为合并标签。</translation>
    </message>
    <message>
        <source>{group} allows one tag per customer: choose either {first} or {second}.</source>
        <translation>“{group}”每位客户只能有一个标签：请在“{first}”和“{second}”中选一个。</translation>
    </message>
    <message>
        <source>This tag group no longer exists.</source>
        <translation>这个标签分组已不存在。</translation>
    </message>
    <message>
        <source>This tag no longer exists.</source>
        <translation>这个标签已不存在。</translation>
    </message>
    <message>
        <source>A tag group named {name} already exists.</source>
        <translation>已有名为“{name}”的标签分组。</translation>
    </message>
    <message>
        <source>The group {group} already has a tag named {name}.</source>
        <translation>分组“{group}”中已有名为“{name}”的标签。</translation>
    </message>
    <message>
        <source>Customer {id} no longer exists.</source>
        <translation>客户 {id} 已不存在。</translation>
    </message>
    <message>
        <source>{value} is not an 11-digit mobile number.</source>
        <translation>{value} 不是有效的11位手机号。</translation>
    </message>
    <message>
        <source>A customer needs a name.</source>
        <translation>客户需要有姓名。</translation>
    </message>
    <message>
        <source>The birthday {value} is in the future.</source>
        <translation>生日 {value} 在未来。</translation>
    </message>
    <message>
        <source>This customer was changed elsewhere after you opened it. Reload to see the changes; nothing was overwritten.</source>
        <translation>打开这位客户之后，别处修改了他的资料。请重新载入查看修改；没有覆盖任何内容。</translation>
    </message>
    <message>
        <source>The phone or member code is already used.</source>
        <translation>手机号或会员编号已被使用。</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>member code</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>The {what} {value} already belongs to {other}.</source>
        <translation>{what} {value} 已属于 {other}。</translation>
    </message>
    <message>
        <source>Write what the follow-up is about.</source>
        <translation>请写下要跟进的内容。</translation>
    </message>
    <message>
        <source>{where} has schema {found}; open it in this version of Siyu first.</source>
        <translation>{where} 的数据结构版本为 {found}；请先用这个版本的私域助手打开它。</translation>
    </message>
    <message>
        <source>{where} is not empty (table {table} has rows); nothing was copied.</source>
        <translation>{where} 不是空的（{table} 表里有数据）；没有复制任何内容。</translation>
    </message>
    <message>
        <source>Staff accounts need a shared PostgreSQL database; {where} is a single-computer file.</source>
        <translation>员工账号需要共享的 PostgreSQL 数据库；{where} 是单机文件。</translation>
    </message>
    <message>
        <source>A member of staff needs a name.</source>
        <translation>员工需要有姓名。</translation>
    </message>
    <message>
        <source>Choose a password of at least 6 characters.</source>
        <translation>请设置至少 6 个字符的密码。</translation>
    </message>
    <message>
        <source>{login} cannot be a login name (a-z, 0-9, _).</source>
        <translation>{login} 不能作为登录名（只能用 a-z、0-9 和 _）。</translation>
    </message>
    <message>
        <source>The login {login} is already taken.</source>
        <translation>登录名 {login} 已被占用。</translation>
    </message>
    <message>
        <source>{name} has no sign-in yet.</source>
        <translation>{name} 还没有登录账号。</translation>
    </message>
    <message>
        <source>There is no member of staff called {name}.</source>
        <translation>没有叫 {name} 的员工。</translation>
    </message>
    <message>
        <source>The quintile edges must be four rising percentages between 0 and 100.</source>
        <translation>五分位分界须是 0 到 100 之间、从小到大的四个百分比。</translation>
    </message>
    <message>
        <source>A high score is either above the average or at least 2, 3, 4 or 5.</source>
        <translation>“高”的标准只能是“高于平均分”，或“至少 2、3、4 或 5 分”。</translation>
    </message>
    <message>
        <source>Growth needs at least 1 order and no more orders than mature.</source>
        <translation>成长期至少需要 1 单，且不能多于成熟期的单数。</translation>
    </message>
    <message>
        <source>High value needs at least 1 order.</source>
        <translation>高价值用户至少需要 1 单。</translation>
    </message>
    <message>
        <source>Dormant must start after 0 days and before churned.</source>
        <translation>休眠天数须大于 0，且小于流失天数。</translation>
    </message>
    <message>
        <source>This segment&apos;s rules are damaged.</source>
        <translation>这个分群的规则已损坏。</translation>
    </message>
    <message>
        <source>Rule groups can be nested at most five deep.</source>
        <translation>规则组最多嵌套五层。</translation>
    </message>
    <message>
        <source>Give the segment a name.</source>
        <translation>请给分群起个名字。</translation>
    </message>
    <message>
        <source>A segment name has at most 64 characters.</source>
        <translation>分群名称最多 64 个字。</translation>
    </message>
    <message>
        <source>A segment named {name} exists already.</source>
        <translation>已有名为“{name}”的分群。</translation>
    </message>
    <message>
        <source>This segment was deleted meanwhile.</source>
        <translation>这个分群已被删除。</translation>
    </message>
    <message>
        <source>{week} is not a week; write it as 2026-W47.</source>
        <translation>“{week}”不是周，请写成 2026-W47。</translation>
    </message>
    <message>
        <source>Grade thresholds are percentages from 0 to 100.</source>
        <translation>分级门槛是 0 到 100 之间的百分比。</translation>
    </message>
    <message>
        <source>Each grade needs thresholds no higher than the grade above it.</source>
        <translation>每一级的门槛都不能高于上一级。</translation>
    </message>
    <message>
        <source>This group no longer exists.</source>
        <translation>这个社群已不存在。</translation>
    </message>
    <message>
        <source>A group needs a name.</source>
        <translation>请给社群起个名字。</translation>
    </message>
    <message>
        <source>A group name has at most 128 characters.</source>
        <translation>社群名称最多 128 个字。</translation>
    </message>
    <message>
        <source>The capacity must be at least 1.</source>
        <translation>群容量至少为 1。</translation>
    </message>
    <message>
        <source>A group named {name} exists already.</source>
        <translation>已有名为“{name}”的社群。</translation>
    </message>
    <message>
        <source>Someone else changed this group since you opened it. Reload it, then save again.</source>
        <translation>你打开之后，别人修改了这个社群。请重新载入后再保存。</translation>
    </message>
    <message>
        <source>Daily figures cannot be negative.</source>
        <translation>每日数据不能是负数。</translation>
    </message>
    <message>
        <source>More members spoke than the group has.</source>
        <translation>发言人数多于群成员数。</translation>
    </message>
    <message>
        <source>More buyers than visitors.</source>
        <translation>支付人数多于访客数。</translation>
    </message>
    <message>
        <source>There is no campaign called {name}.</source>
        <translation>没有名为“{name}”的活动。</translation>
    </message>
    <message>
        <source>A campaign needs a name.</source>
        <translation>请给活动起个名字。</translation>
    </message>
    <message>
        <source>The coupon&apos;s value must be more than 0.</source>
        <translation>券的面额必须大于 0。</translation>
    </message>
    <message>
        <source>The threshold must be at least the value off.</source>
        <translation>使用门槛不能低于减免金额。</translation>
    </message>
    <message>
        <source>A percentage-off coupon needs a rate such as 9折 (0.9).</source>
        <translation>折扣券需要折扣率，例如 9折（0.9）。</translation>
    </message>
    <message>
        <source>A gift coupon needs the gift&apos;s cost to the shop.</source>
        <translation>赠品券需要填写赠品成本。</translation>
    </message>
    <message>
        <source>Give the coupons a last day or a number of days.</source>
        <translation>请填写截止日期或有效天数。</translation>
    </message>
    <message>
        <source>The last day comes before the first day.</source>
        <translation>截止日期早于开始日期。</translation>
    </message>
    <message>
        <source>Each customer may get at least one coupon.</source>
        <translation>每人限领至少为 1 张。</translation>
    </message>
    <message>
        <source>The quantity must be at least 1.</source>
        <translation>发放总量至少为 1。</translation>
    </message>
    <message>
        <source>The control group is a share below 100 %.</source>
        <translation>对照组比例必须小于 100%。</translation>
    </message>
    <message>
        <source>This campaign no longer exists.</source>
        <translation>这个活动已不存在。</translation>
    </message>
    <message>
        <source>Someone else changed this campaign since you opened it. Reload it, then save again.</source>
        <translation>你打开之后，别人修改了这个活动。请重新载入后再保存。</translation>
    </message>
    <message>
        <source>This campaign has ended: no more coupons can be issued.</source>
        <translation>这个活动已结束，不能再发券。</translation>
    </message>
    <message>
        <source>Only {left} coupons of this campaign are left.</source>
        <translation>这个活动只剩 {left} 张券。</translation>
    </message>
    <message>
        <source>Type or scan a coupon code.</source>
        <translation>请输入或扫描券码。</translation>
    </message>
    <message>
        <source>{code} is not a coupon code: a character is mistyped.</source>
        <translation>{code} 不是有效券码：有字符输错了。</translation>
    </message>
    <message>
        <source>No coupon has the code {code}.</source>
        <translation>没有券码为 {code} 的券。</translation>
    </message>
    <message>
        <source>This coupon was already used on {when}.</source>
        <translation>这张券已于 {when} 核销。</translation>
    </message>
    <message>
        <source>This coupon&apos;s campaign has not started.</source>
        <translation>这张券所属的活动还没开始。</translation>
    </message>
    <message>
        <source>This coupon is valid from {day}.</source>
        <translation>这张券从 {day} 起才能用。</translation>
    </message>
    <message>
        <source>This coupon expired on {day}.</source>
        <translation>这张券已于 {day} 过期。</translation>
    </message>
    <message>
        <source>The order must reach ¥{threshold} for this coupon.</source>
        <translation>订单满 ¥{threshold} 才能用这张券。</translation>
    </message>
    <message>
        <source>This coupon belongs to nobody yet: choose the customer.</source>
        <translation>这张券还没有领取人：请选择客户。</translation>
    </message>
    <message>
        <source>This coupon was just used at another till.</source>
        <translation>这张券刚刚在另一台收银机上核销了。</translation>
    </message>
    <message>
        <source>Order number {number} is already recorded.</source>
        <translation>订单号 {number} 已经记录过了。</translation>
    </message>
    <message>
        <source>Picture not found: {path}</source>
        <translation>找不到图片：{path}</translation>
    </message>
    <message>
        <source>The four group shares must add up to 100 %.</source>
        <translation>社群四类内容的比例加起来须为 100%。</translation>
    </message>
    <message>
        <source>Limits cannot be negative.</source>
        <translation>限制不能是负数。</translation>
    </message>
    <message>
        <source>{date} is not a date.</source>
        <translation>“{date}”不是日期。</translation>
    </message>
    <message>
        <source>{category} is not a category of this channel.</source>
        <translation>“{category}”不是这个渠道的内容类别。</translation>
    </message>
    <message>
        <source>A content item needs a title.</source>
        <translation>内容需要一个标题。</translation>
    </message>
    <message>
        <source>This content item no longer exists.</source>
        <translation>这条内容已不存在。</translation>
    </message>
    <message>
        <source>Choose the groups to plan this week for.</source>
        <translation>请选择要安排这一周内容的社群。</translation>
    </message>
    <message>
        <source>Give the template a name.</source>
        <translation>请给模板起个名字。</translation>
    </message>
    <message>
        <source>This week has no content of that channel to keep.</source>
        <translation>这一周没有这个渠道的内容可保存。</translation>
    </message>
    <message>
        <source>A template named {name} exists already.</source>
        <translation>已有名为“{name}”的模板。</translation>
    </message>
    <message>
        <source>Name the week: --week 2026-W48.</source>
        <translation>请指定周：--week 2026-W48。</translation>
    </message>
    <message>
        <source>The report is written as a PDF: give --out a name ending in .pdf.</source>
        <translation>周报只能写成 PDF：--out 的文件名请以 .pdf 结尾。</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <source>A play needs a name.</source>
        <translation>玩法需要一个名称。</translation>
    </message>
    <message>
        <source>A play&apos;s parameters are a set of names and values.</source>
        <translation>玩法参数需要是“名称 = 值”。</translation>
    </message>
    <message>
        <source>A built-in play cannot be deleted; edit it instead.</source>
        <translation>内置玩法不能删除，可以修改。</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Working day (make-up)</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Shopping day</source>
        <translation>购物节</translation>
    </message>
    <message>
        <source>Shop event</source>
        <translation>店铺活动</translation>
    </message>
    <message>
        <source>Member day</source>
        <translation>会员日</translation>
    </message>
    <message>
        <source>Birthdays</source>
        <translation>生日</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Writing</source>
        <translation>正在写入</translation>
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
        <source>Solar</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Group members</source>
        <translation>社群成员</translation>
    </message>
    <message>
        <source>Daily figures</source>
        <translation>每日数据</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Weekly plan</source>
        <translation>周计划</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
</context>
<context>
    <name>GroupPage</name>
    <message>
        <source>Reopen the group</source>
        <translation>恢复社群</translation>
    </message>
    <message>
        <source>Dissolve the group…</source>
        <translation>解散社群…</translation>
    </message>
    <message>
        <source>Dissolved on %1.</source>
        <translation>已于 %1 解散。</translation>
    </message>
    <message>
        <source>%1 members in Siyu. Add customers from the customer list (right-click, Add to a group) or from a saved segment.</source>
        <translation>私域助手里有 %1 位群成员。在客户列表（右键“加入社群”）或已保存的分群里把客户加进来。</translation>
    </message>
    <message>
        <source>%1: grade %2 — activity %3 (mean over %4 days with figures), conversion %5, GMV ¥%6</source>
        <translation>%1：等级 %2 —— 活跃度 %3（%4 天有数据的平均），转化率 %5，GMV ¥%6</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>群成员</translation>
    </message>
    <message>
        <source>Spoke</source>
        <translation>发言人数</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>访客数</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>支付人数</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>支付金额</translation>
    </message>
    <message>
        <source>No members in Siyu yet: the GMV split needs the group&apos;s members.</source>
        <translation>私域助手里还没有这个群的成员：GMV 拆解需要群成员。</translation>
    </message>
    <message>
        <source>%1 to %2, from the members&apos; orders: %3 members × %4 bought × %5 orders per buyer × ¥%6 per order = ¥%7; fission %8 (members who joined).</source>
        <translation>%1 至 %2，按群成员的订单：%3 位成员 × %4 下单 × 人均 %5 单 × 客单价 ¥%6 = ¥%7；裂变 %8（新入群成员）。</translation>
    </message>
    <message>
        <source>Weakest, against the other groups: %1.</source>
        <translation>和其他群相比最弱的一环：%1。</translation>
    </message>
    <message>
        <source>Activity %</source>
        <translation>活跃度 %</translation>
    </message>
    <message>
        <source>Conversion %</source>
        <translation>转化率 %</translation>
    </message>
    <message>
        <source>Weekly activity and conversion (%; dashed: the S line)</source>
        <translation>每周活跃度与转化率（%；虚线为 S 级线）</translation>
    </message>
    <message>
        <source>Weekly GMV (yuan)</source>
        <translation>每周 GMV（元）</translation>
    </message>
    <message>
        <source>Save the group</source>
        <translation>保存社群</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Dissolve the group</source>
        <translation>解散社群</translation>
    </message>
    <message>
        <source>Dissolve %1? It stays in the list as dissolved, with its members and figures.</source>
        <translation>解散“%1”？它会以“已解散”留在列表中，成员和数据都保留。</translation>
    </message>
    <message>
        <source>%1 members left the group (kept in the history).</source>
        <translation>%1 位成员已退群（记录保留）。</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>资料</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>群名称</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>目标类型</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>功能类型</translation>
    </message>
    <message>
        <source>Purchase depth</source>
        <translation>购买深度</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>群主/负责人</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>群规</translation>
    </message>
    <message>
        <source>Welcome text</source>
        <translation>欢迎语</translation>
    </message>
    <message>
        <source>Fill in starter rules</source>
        <translation>填入群规模板</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Show members who left</source>
        <translation>显示已退群成员</translation>
    </message>
    <message>
        <source>Remove from the group</source>
        <translation>移出群</translation>
    </message>
    <message>
        <source>Above this many members a warning shows: groups over 200 are rarely active</source>
        <translation>超过这个人数会提醒：200 人以上的群很少活跃</translation>
    </message>
</context>
<context>
    <name>GroupTableModel</name>
    <message>
        <source>Group</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活跃度</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>GMV</translation>
    </message>
    <message>
        <source>Last 8 weeks</source>
        <translation>近 8 周</translation>
    </message>
    <message>
        <source>%1 (dissolved)</source>
        <translation>%1（已解散）</translation>
    </message>
    <message>
        <source>Over the capacity of %1: groups this big are rarely active</source>
        <translation>超过容量 %1：这么大的群很少活跃</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>Marketing</source>
        <translation>营销型</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容型</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务型</translation>
    </message>
    <message>
        <source>Flash</source>
        <translation>快闪群</translation>
    </message>
    <message>
        <source>Group-buy</source>
        <translation>团购群</translation>
    </message>
    <message>
        <source>Micro-forum</source>
        <translation>微论坛群</translation>
    </message>
    <message>
        <source>Interest</source>
        <translation>互动兴趣群</translation>
    </message>
    <message>
        <source>Not bought yet</source>
        <translation>未购</translation>
    </message>
    <message>
        <source>First purchase</source>
        <translation>首购</translation>
    </message>
    <message>
        <source>Two or more purchases</source>
        <translation>2 购及以上</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Distributors</source>
        <translation>分销代理</translation>
    </message>
    <message>
        <source>Welfare</source>
        <translation>福利群</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>交流群</translation>
    </message>
    <message>
        <source>Knowledge sharing</source>
        <translation>知识分享群</translation>
    </message>
    <message>
        <source>Bootcamp</source>
        <translation>训练营</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>群成员</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Repurchase (orders per buyer)</source>
        <translation>复购（人均单数）</translation>
    </message>
    <message>
        <source>Average order value</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Fission (new members)</source>
        <translation>裂变（新入群）</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>死群</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
</context>
<context>
    <name>GroupsView</name>
    <message>
        <source>%1 groups: %2</source>
        <translation>%1 个社群：%2</translation>
    </message>
    <message>
        <source>Could not read the groups: %1</source>
        <translation>无法读取社群：%1</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>新建社群</translation>
    </message>
    <message>
        <source>Group %1 created: fill in its type and owner below.</source>
        <translation>已新建社群“%1”：请在下方填写类型和负责人。</translation>
    </message>
    <message>
        <source>Name of the group:</source>
        <translation>社群名称：</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>新建社群…</translation>
    </message>
    <message>
        <source>Type a day&apos;s figures…</source>
        <translation>录入每日数据…</translation>
    </message>
    <message>
        <source>Grade thresholds…</source>
        <translation>分级标准…</translation>
    </message>
    <message>
        <source>Show dissolved</source>
        <translation>显示已解散</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Hand over from %1</source>
        <translation>交接 %1 的工作</translation>
    </message>
    <message>
        <source>Hand over to</source>
        <translation>交接给</translation>
    </message>
    <message>
        <source>Also mark %1 as departed</source>
        <translation>同时将 %1 标记为已离职</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>Nobody else works here: add a member first.</source>
        <translation>没有其他在职员工，请先添加员工。</translation>
    </message>
    <message>
        <source>%1 looks after no customers, groups or open follow-ups: nothing to hand over.</source>
        <translation>%1 没有负责的客户、社群或待跟进，无需交接。</translation>
    </message>
    <message>
        <source>%1 customers, %2 groups and %3 open follow-ups will be handed over to %4.</source>
        <translation>将把 %1 位客户、%2 个社群、%3 条待跟进交接给 %4。</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>Reading</source>
        <translation>正在读取</translation>
    </message>
    <message>
        <source>Checking</source>
        <translation>正在检查</translation>
    </message>
    <message>
        <source>Matching</source>
        <translation>正在匹配客户</translation>
    </message>
    <message>
        <source>Writing</source>
        <translation>正在写入</translation>
    </message>
    <message>
        <source>a totals row, not a record</source>
        <translation>这是合计行，不是一条记录</translation>
    </message>
    <message>
        <source>a note under the table, not a record</source>
        <translation>这是表格下方的说明行，不是一条记录</translation>
    </message>
    <message>
        <source>this row has more cells than the header has columns</source>
        <translation>这一行的格子比表头的列多</translation>
    </message>
    <message>
        <source>Excel kept only the first 15 digits of this number and the rest are lost: set the column&apos;s format to text in Excel, or export the file again</source>
        <translation>Excel 只保留了这个数字的前 15 位，后面的数字已丢失：请在 Excel 中把这一列设为文本格式，或重新导出文件</translation>
    </message>
    <message>
        <source>longer than {n} characters</source>
        <translation>超过 {n} 个字</translation>
    </message>
    <message>
        <source>not an 11-digit mobile number</source>
        <translation>不是有效的11位手机号</translation>
    </message>
    <message>
        <source>Excel saved this phone number as 1.38E+10 and its last digits are lost: set the column&apos;s format to text in Excel and save the file again</source>
        <translation>Excel 把这个手机号存成了 1.38E+10 这样的写法，后几位已经丢失：请在 Excel 里把这一列设为文本格式后重新保存文件</translation>
    </message>
    <message>
        <source>a masked phone number cannot be matched to a customer: export the file with full numbers, or map a member code column instead</source>
        <translation>打码的手机号无法对应到客户：请导出完整手机号，或改用会员编号列</translation>
    </message>
    <message>
        <source>not a date (use 2026-01-05, 2026/1/5 or 2026年1月5日)</source>
        <translation>不是日期（请写成 2026-01-05、2026/1/5 或 2026年1月5日）</translation>
    </message>
    <message>
        <source>a birthday in the future</source>
        <translation>生日在未来</translation>
    </message>
    <message>
        <source>a birthday without its year: write the year too, e.g. 1990-03-15</source>
        <translation>生日缺少年份：请把年份也写上，例如 1990-03-15</translation>
    </message>
    <message>
        <source>not an amount of money</source>
        <translation>不是金额</translation>
    </message>
    <message>
        <source>a negative amount</source>
        <translation>金额是负数</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是数字</translation>
    </message>
    <message>
        <source>not a whole number of 0 or more</source>
        <translation>不是 0 或以上的整数</translation>
    </message>
    <message>
        <source>not a gender (男, 女 or 未知)</source>
        <translation>不是性别（男、女或未知）</translation>
    </message>
    <message>
        <source>not a relationship level (粉丝, 客户, 会员 or KOC)</source>
        <translation>不是关系等级（粉丝、客户、会员或KOC）</translation>
    </message>
    <message>
        <source>not a calendar (公历 or 农历)</source>
        <translation>不是历法（公历或农历）</translation>
    </message>
    <message>
        <source>a tag longer than 64 characters</source>
        <translation>有标签超过 64 个字</translation>
    </message>
    <message>
        <source>the name or phone is missing</source>
        <translation>缺少姓名或手机号</translation>
    </message>
    <message>
        <source>quantity × unit price is not a possible amount</source>
        <translation>数量 × 单价 不是可能的金额</translation>
    </message>
    <message>
        <source>this shop has no such customer, and the row has no phone number or member code</source>
        <translation>本店没有这个客户编号，这一行也没有手机号或会员编号</translation>
    </message>
    <message>
        <source>this member code goes with another phone number in row {row}</source>
        <translation>这个会员编号在第 {row} 行对应另一个手机号</translation>
    </message>
    <message>
        <source>this order number belongs to another customer in row {row}</source>
        <translation>这个订单号在第 {row} 行属于另一位客户</translation>
    </message>
    <message>
        <source>the group name is missing</source>
        <translation>缺少群名称</translation>
    </message>
    <message>
        <source>the date is missing</source>
        <translation>缺少日期</translation>
    </message>
    <message>
        <source>a date in the future</source>
        <translation>日期在未来</translation>
    </message>
    <message>
        <source>more members spoke than the group has</source>
        <translation>发言人数多于群成员数</translation>
    </message>
    <message>
        <source>more buyers than visitors</source>
        <translation>支付人数多于访客数</translation>
    </message>
    <message>
        <source>left before joining</source>
        <translation>退群早于入群</translation>
    </message>
    <message>
        <source>this member code belongs to another customer than this phone number</source>
        <translation>这个会员编号属于另一位客户，与手机号不符</translation>
    </message>
    <message>
        <source>this member code is used by another row</source>
        <translation>这个会员编号已被另一行使用</translation>
    </message>
    <message>
        <source>no existing customer matches this row</source>
        <translation>没有与这一行匹配的现有客户</translation>
    </message>
    <message>
        <source>the quantity or unit price is missing</source>
        <translation>缺少数量或单价</translation>
    </message>
    <message>
        <source>the order time is missing</source>
        <translation>缺少下单时间</translation>
    </message>
    <message>
        <source>the amount is missing</source>
        <translation>缺少金额</translation>
    </message>
    <message>
        <source>neither a phone number nor a member code</source>
        <translation>既没有手机号也没有会员编号</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Invalid rows</source>
        <translation>无效行</translation>
    </message>
    <message>
        <source>the coupon name is missing</source>
        <translation>缺少券名称</translation>
    </message>
    <message>
        <source>the coupon code is missing</source>
        <translation>缺少券码</translation>
    </message>
    <message>
        <source>this code is redeemed twice in the file</source>
        <translation>同一券码在文件中核销了两次</translation>
    </message>
    <message>
        <source>redeemed outside the coupon&apos;s validity</source>
        <translation>核销时间不在券的有效期内</translation>
    </message>
    <message>
        <source>no order has this number</source>
        <translation>没有这个订单号的订单</translation>
    </message>
    <message>
        <source>this order does not reach the coupon&apos;s threshold</source>
        <translation>这笔订单没达到券的使用门槛</translation>
    </message>
    <message>
        <source>the channel is missing</source>
        <translation>缺少渠道</translation>
    </message>
    <message>
        <source>the title is missing</source>
        <translation>缺少标题</translation>
    </message>
    <message>
        <source>not a channel (社群, 朋友圈, 一对一, 公众号 or 直播)</source>
        <translation>不是渠道（社群、朋友圈、一对一、公众号或直播）</translation>
    </message>
    <message>
        <source>not a category of this channel</source>
        <translation>不是这个渠道的内容类别</translation>
    </message>
    <message>
        <source>not a time of day (use 20:00)</source>
        <translation>不是时间（请写成 20:00）</translation>
    </message>
    <message>
        <source>no group, segment, tag or customer is called this</source>
        <translation>没有叫这个名字的社群、分群、标签或客户</translation>
    </message>
</context>
<context>
    <name>ImportCheckPage</name>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Checking every row; nothing is written yet.</source>
        <translation>正在逐行检查，还没有写入任何数据。</translation>
    </message>
    <message>
        <source>The check was stopped. Click “Check again” to run it.</source>
        <translation>检查已停止。点“重新检查”再次检查。</translation>
    </message>
    <message>
        <source>The columns of the file changed since you matched them. Click “Back” to match them again.</source>
        <translation>对应列之后，文件的列变了。请点“上一步”重新对应。</translation>
    </message>
    <message>
        <source>All %1 rows have problems (listed below): there is nothing to import.</source>
        <translation>全部 %1 行都有问题（见下表），没有可以导入的行。</translation>
    </message>
    <message>
        <source>%1 rows have problems (listed below with their row and column). Nothing is imported while a row is invalid: fix the file and click “Check again”, or skip the invalid rows.</source>
        <translation>有 %1 行有问题（下表列出了行号和列）。只要有无效行，就不会导入任何数据：请改好文件后点“重新检查”，或者选择跳过无效行。</translation>
    </message>
    <message>
        <source>The file has no data rows under its headers.</source>
        <translation>文件的表头下面没有数据行。</translation>
    </message>
    <message>
        <source>No problems found. Click “Import” to import.</source>
        <translation>没有发现问题。点“导入”开始导入。</translation>
    </message>
    <message>
        <source>Skip the invalid rows and import the other %1</source>
        <translation>跳过无效行，导入其余 %1 行</translation>
    </message>
    <message>
        <source>Error report saved: %1</source>
        <translation>错误报告已保存：%1</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Will add %1, update %2, leave %3 unchanged; %4 invalid.</source>
        <translation>将新增 %1，更新 %2，未变 %3，无效 %4。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 repeated rows merged</source>
        <translation>合并重复行 %1</translation>
    </message>
    <message>
        <source>%1 further order lines added into their orders</source>
        <translation>%1 行商品明细并入所属订单</translation>
    </message>
    <message>
        <source>%1 closed, unpaid or refunded orders left out</source>
        <translation>%1 个已关闭、未付款或已全额退款的订单未导入</translation>
    </message>
    <message>
        <source>%1 voided coupons left out</source>
        <translation>%1 张已作废的券未导入</translation>
    </message>
    <message>
        <source>%1 coupons marked used with no redemption time or order, kept as not redeemed</source>
        <translation>%1 张券标为已使用，但没有核销时间或订单号，按未核销导入</translation>
    </message>
    <message>
        <source>%1 rows of the shop&apos;s own staff left out</source>
        <translation>%1 行本店员工（企业成员）未导入</translation>
    </message>
    <message>
        <source>%1 new groups created</source>
        <translation>新建社群 %1 个</translation>
    </message>
    <message>
        <source>%1 new coupon campaigns created</source>
        <translation>新建优惠券活动 %1 个</translation>
    </message>
    <message>
        <source>%1 new customers created</source>
        <translation>新建客户 %1</translation>
    </message>
    <message>
        <source>%1 new staff</source>
        <translation>新建员工 %1</translation>
    </message>
    <message>
        <source>%1 new tags</source>
        <translation>新建标签 %1</translation>
    </message>
    <message>
        <source>columns not imported: %1</source>
        <translation>不导入的列：%1</translation>
    </message>
    <message>
        <source>Members already recorded (same group and phone or member code):</source>
        <translation>已记录的社群成员（社群相同，手机号或会员编号相同）：</translation>
    </message>
    <message>
        <source>Days already recorded for a group (same group and date):</source>
        <translation>社群已有的每日数据（社群和日期相同）：</translation>
    </message>
    <message>
        <source>Coupons already in the shop (same coupon code):</source>
        <translation>店里已有的优惠券（券码相同）：</translation>
    </message>
    <message>
        <source>Posts already in the plan (same date, time, channel and title):</source>
        <translation>周计划里已有的内容（日期、时间、渠道和标题相同）：</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>检查数据</translation>
    </message>
    <message>
        <source>Every row is checked before anything is written. Nothing changes yet.</source>
        <translation>导入前逐行检查，这一步不会改动任何数据。</translation>
    </message>
    <message>
        <source>Customers already in the shop (same phone, member code or name + WeChat ID):</source>
        <translation>店里已有的客户（手机号、会员编号或姓名+微信号相同）：</translation>
    </message>
    <message>
        <source>Add new and update existing</source>
        <translation>新增和更新</translation>
    </message>
    <message>
        <source>Only add new</source>
        <translation>只新增</translation>
    </message>
    <message>
        <source>Only update existing</source>
        <translation>只更新</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Save error report</source>
        <translation>保存错误报告</translation>
    </message>
    <message>
        <source>Writes every problem and the invalid rows to an .xlsx file beside the imported file.</source>
        <translation>把每个问题和无效的行写进一个 .xlsx 文件，放在导入文件的旁边。</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>重新检查</translation>
    </message>
</context>
<context>
    <name>ImportColumnsPage</name>
    <message>
        <source>Keep as a custom field</source>
        <translation>保留为自定义字段</translation>
    </message>
    <message>
        <source>Do not import</source>
        <translation>不导入</translation>
    </message>
    <message>
        <source>(column %1, no header)</source>
        <translation>（第 %1 列，没有表头）</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Sheet %1</source>
        <translation>工作表 %1</translation>
    </message>
    <message>
        <source>headers in row %1</source>
        <translation>表头在第 %1 行</translation>
    </message>
    <message>
        <source>%1 data rows</source>
        <translation>%1 行数据</translation>
    </message>
    <message>
        <source>encoding %1</source>
        <translation>编码 %1</translation>
    </message>
    <message>
        <source>Using the columns you chose last time for a file like this one.</source>
        <translation>已使用上次为这种表格保存的对应关系。</translation>
    </message>
    <message>
        <source>The times of day in %1 are added to the days in %2: together they make each order&apos;s time.</source>
        <translation>%1中的时刻与%2中的日期合在一起，作为每笔订单的下单时间。</translation>
    </message>
    <message>
        <source>%1 holds masked numbers (such as 622202******1234): two cards can look alike, so it is not used to find customers.</source>
        <translation>%1列的号码是打码的（如 622202******1234）：两张卡可能看起来一样，所以不用它来认客户。</translation>
    </message>
    <message>
        <source>Match the columns</source>
        <translation>对应列</translation>
    </message>
    <message>
        <source>Each column of the file and what it becomes in Siyu. Change any that are wrong.</source>
        <translation>文件里的每一列导入成什么。不对的可以直接改。</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Sample values</source>
        <translation>示例内容</translation>
    </message>
    <message>
        <source>Import as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Match automatically again</source>
        <translation>重新自动对应</translation>
    </message>
</context>
<context>
    <name>ImportFields</name>
    <message>
        <source>Siyu ID</source>
        <translation>私域助手编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Member code</source>
        <translation>会员编号</translation>
    </message>
    <message>
        <source>Remark name</source>
        <translation>备注名</translation>
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
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Birthday calendar</source>
        <translation>生日历法</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Added on</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>Owner staff</source>
        <translation>负责员工</translation>
    </message>
    <message>
        <source>Relationship level</source>
        <translation>关系等级</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注信息</translation>
    </message>
    <message>
        <source>Order number</source>
        <translation>订单号</translation>
    </message>
    <message>
        <source>Order time</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <source>Amount paid</source>
        <translation>实付金额</translation>
    </message>
    <message>
        <source>Customer phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户姓名</translation>
    </message>
    <message>
        <source>Siyu customer ID</source>
        <translation>私域助手客户编号</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Source system</source>
        <translation>来源系统</translation>
    </message>
    <message>
        <source>Order status</source>
        <translation>订单状态</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款金额</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>群名称</translation>
    </message>
    <message>
        <source>Joined on</source>
        <translation>入群时间</translation>
    </message>
    <message>
        <source>Left on</source>
        <translation>退群时间</translation>
    </message>
    <message>
        <source>Member type</source>
        <translation>成员类型</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>群成员数</translation>
    </message>
    <message>
        <source>Members who spoke</source>
        <translation>发言人数</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>访客数</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>支付人数</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>支付金额</translation>
    </message>
    <message>
        <source>Coupon name</source>
        <translation>券名称</translation>
    </message>
    <message>
        <source>Coupon type</source>
        <translation>券类型</translation>
    </message>
    <message>
        <source>Value or rate</source>
        <translation>面额/折扣</translation>
    </message>
    <message>
        <source>Discount rate</source>
        <translation>折扣</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>使用门槛</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>券码</translation>
    </message>
    <message>
        <source>Holder&apos;s phone</source>
        <translation>领取人手机</translation>
    </message>
    <message>
        <source>Claimed at</source>
        <translation>领取时间</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>生效时间</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>失效时间</translation>
    </message>
    <message>
        <source>Redeemed at</source>
        <translation>核销时间</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠金额</translation>
    </message>
    <message>
        <source>Coupon status</source>
        <translation>券状态</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>对象</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>Choose the file to import</source>
        <translation>选择要导入的文件</translation>
    </message>
    <message>
        <source>a customer list</source>
        <translation>客户表格</translation>
    </message>
    <message>
        <source>an order list</source>
        <translation>订单表格</translation>
    </message>
    <message>
        <source>a list of group members</source>
        <translation>社群成员表格</translation>
    </message>
    <message>
        <source>groups&apos; daily figures</source>
        <translation>社群每日数据</translation>
    </message>
    <message>
        <source>a coupon export</source>
        <translation>优惠券导出表格</translation>
    </message>
    <message>
        <source>a weekly content plan</source>
        <translation>周计划表格</translation>
    </message>
    <message>
        <source>Read as %1: headers in row %2, %3 data rows.</source>
        <translation>已识别为%1：表头在第 %2 行，%3 行数据。</translation>
    </message>
    <message>
        <source>customer import template.xlsx</source>
        <translation>客户导入模板.xlsx</translation>
    </message>
    <message>
        <source>order import template.xlsx</source>
        <translation>订单导入模板.xlsx</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 表格 (*.xlsx)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <source>Choose a file, or drop one here.</source>
        <translation>请选择文件，或把文件拖到这里。</translation>
    </message>
    <message>
        <source>What the file looks like</source>
        <translation>表格格式</translation>
    </message>
    <message>
        <source>No file yet? Save a template with the right columns, fill it in, then import it.</source>
        <translation>还没有表格？下载客户模板，按列填好后再导入。</translation>
    </message>
    <message>
        <source>No file yet? Save an order template with the right columns, fill it in, then import it.</source>
        <translation>还没有表格？下载订单模板，按列填好后再导入。</translation>
    </message>
    <message>
        <source>Template saved: %1</source>
        <translation>模板已保存：%1</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xls *.xlsm *.xlsb *.ods *.csv *.txt *.tsv);;All files (*)</source>
        <translation>表格文件 (*.xlsx *.xls *.xlsm *.xlsb *.ods *.csv *.txt *.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>group members import template.xlsx</source>
        <translation>社群成员导入模板.xlsx</translation>
    </message>
    <message>
        <source>group daily figures import template.xlsx</source>
        <translation>社群每日数据导入模板.xlsx</translation>
    </message>
    <message>
        <source>coupon import template.xlsx</source>
        <translation>优惠券导入模板.xlsx</translation>
    </message>
    <message>
        <source>weekly plan import template.xlsx</source>
        <translation>周计划导入模板.xlsx</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>One row per member of a group: the group&apos;s name and the member&apos;s phone or member code. Groups and customers the shop does not have yet are created. Columns: %1.</source>
        <translation>每行一位社群成员：写群名称，以及成员的手机号或会员编号。店里还没有的社群和客户会自动新建。列：%1。</translation>
    </message>
    <message>
        <source>One row per group and day, with that day&apos;s figures. Groups the shop does not have yet are created. Columns: %1.</source>
        <translation>每行是一个社群一天的数据。店里还没有的社群会自动新建。列：%1。</translation>
    </message>
    <message>
        <source>A coupon export from the shop system, one row per coupon code. Coupon campaigns and holders the shop does not have yet are created. Columns: %1.</source>
        <translation>收银或商城系统导出的优惠券表格，每行一个券码。店里还没有的优惠券活动和领券客户会自动新建。列：%1。</translation>
    </message>
    <message>
        <source>One row per post: the date, channel and title are needed; the audience names groups, segments, tags or phone numbers. Columns: %1.</source>
        <translation>每行一条内容：日期、渠道和标题必填；发送对象可写社群名、分群名、标签名或手机号。列：%1。</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>Excel (.xlsx, .xls) or CSV in UTF-8 or GBK. Title rows above the headers are fine.</source>
        <translation>支持 Excel（.xlsx、.xls）和 UTF-8 或 GBK 编码的 CSV。表头上方有标题行也没关系。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Group members</source>
        <translation>社群成员</translation>
    </message>
    <message>
        <source>Groups&apos; daily figures</source>
        <translation>社群每日数据</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Weekly plan</source>
        <translation>周计划</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>还没有选择文件</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>Source system</source>
        <translation>来源系统</translation>
    </message>
    <message>
        <source>Order numbers are unique within one source system: importing a file from the same system again updates its orders instead of adding them twice. Give each system its own name (for example meituan, youzan).</source>
        <translation>同一来源系统里的订单号不会重复：再次导入同一系统的文件时，会更新已有订单，而不会重复添加。不同系统请各用一个名字（例如 meituan、youzan）。</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>模板</translation>
    </message>
    <message>
        <source>Save template…</source>
        <translation>下载模板…</translation>
    </message>
</context>
<context>
    <name>ImportRunPage</name>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>导入完成</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>没有导入任何数据</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported</source>
        <translation>已取消，没有导入任何数据</translation>
    </message>
    <message>
        <source>The import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>The file changed after the check and now has %1 invalid rows. Start the import again to check it.</source>
        <translation>检查之后文件又改过，现在有 %1 行无效。请重新开始导入，再检查一次。</translation>
    </message>
    <message>
        <source>The columns of the file changed since you matched them. Start the import again.</source>
        <translation>对应列之后，文件的列变了。请重新开始导入。</translation>
    </message>
    <message>
        <source>The shop&apos;s data is as it was before the import.</source>
        <translation>店铺数据和导入前完全一样。</translation>
    </message>
    <message>
        <source>The shop&apos;s data was not changed.</source>
        <translation>数据未改动。</translation>
    </message>
    <message>
        <source>The column matching is remembered: the next file with the same columns is matched the same way.</source>
        <translation>已记住列的对应关系：下次导入同样表头的文件时会自动使用。</translation>
    </message>
    <message>
        <source>The invalid rows are in %1.</source>
        <translation>跳过的无效行已写入 %1。</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>打开所在文件夹</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Invalid rows skipped</source>
        <translation>跳过的无效行</translation>
    </message>
    <message>
        <source>Repeated rows merged</source>
        <translation>合并的重复行</translation>
    </message>
    <message>
        <source>Further order lines added into their orders</source>
        <translation>并入订单的商品明细行</translation>
    </message>
    <message>
        <source>Closed, unpaid or refunded orders left out</source>
        <translation>未导入的已关闭、未付款或全额退款订单</translation>
    </message>
    <message>
        <source>Voided coupons left out</source>
        <translation>未导入的已作废券</translation>
    </message>
    <message>
        <source>Marked used, no redemption time: kept as not redeemed</source>
        <translation>标为已使用但无核销时间（按未核销导入）</translation>
    </message>
    <message>
        <source>Rows of the shop&apos;s own staff left out</source>
        <translation>未导入的本店员工行</translation>
    </message>
    <message>
        <source>New groups created</source>
        <translation>新建社群</translation>
    </message>
    <message>
        <source>New coupon campaigns created</source>
        <translation>新建优惠券活动</translation>
    </message>
    <message>
        <source>New customers created</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>New staff</source>
        <translation>新建员工</translation>
    </message>
    <message>
        <source>New tags</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>Columns not imported: %1</source>
        <translation>不导入的列：%1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>All rows are imported together, or none of them.</source>
        <translation>所有行一起导入：要么全部成功，要么一行也不导入。</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>取消导入</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>重试</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import customers</source>
        <translation>导入客户</translation>
    </message>
    <message>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <source>Import group members</source>
        <translation>导入社群成员</translation>
    </message>
    <message>
        <source>Import groups&apos; daily figures</source>
        <translation>导入社群每日数据</translation>
    </message>
    <message>
        <source>Import coupons</source>
        <translation>导入优惠券</translation>
    </message>
    <message>
        <source>Import a weekly plan</source>
        <translation>导入周计划</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <source>Issue coupons</source>
        <translation>发券</translation>
    </message>
    <message>
        <source>The %1 customers selected</source>
        <translation>选中的 %1 位客户</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>发放</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>To</source>
        <translation>发给</translation>
    </message>
    <message>
        <source>Create a campaign and choose whom to give it to.</source>
        <translation>请先新建活动，再选择发给谁。</translation>
    </message>
    <message>
        <source>%1 customers receive a coupon. Not receiving: %2 already hold as many as allowed, %3 after the quantity ran out, %4 held back as the control group, %5 not (or no longer) customers.</source>
        <translation>%1 位客户会收到券。没收到的：%2 位已达每人限领，%3 位因总量发完，%4 位留作对照组，%5 位不是（或已不是）客户。</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>计划中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Add pictures…</source>
        <translation>添加图片…</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>正文</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>图片</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>发到社群</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Customers (phones)</source>
        <translation>客户（手机号）</translation>
    </message>
    <message>
        <source>Coupon campaign</source>
        <translation>优惠券活动</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Group play</source>
        <translation>社群玩法</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>触达人数</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>回复数</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>GMV (yuan)</source>
        <translation>成交额（元）</translation>
    </message>
    <message>
        <source>Add pictures</source>
        <translation>添加图片</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>No customer has these phone numbers: %1</source>
        <translation>没有客户用这些手机号：%1</translation>
    </message>
</context>
<context>
    <name>KpiCard</name>
    <message>
        <source>last week %1</source>
        <translation>上周 %1</translation>
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
        <source>&amp;Customers</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <source>Import customers…</source>
        <translation>导入客户…</translation>
    </message>
    <message>
        <source>Import orders…</source>
        <translation>导入订单…</translation>
    </message>
    <message>
        <source>Import group members…</source>
        <translation>导入社群成员…</translation>
    </message>
    <message>
        <source>Import groups&apos; daily figures…</source>
        <translation>导入社群每日数据…</translation>
    </message>
    <message>
        <source>Import coupons…</source>
        <translation>导入优惠券…</translation>
    </message>
    <message>
        <source>Import a weekly plan…</source>
        <translation>导入周计划…</translation>
    </message>
    <message>
        <source>Export customers…</source>
        <translation>导出客户…</translation>
    </message>
    <message>
        <source>Export orders…</source>
        <translation>导出订单…</translation>
    </message>
    <message>
        <source>Customer import template…</source>
        <translation>客户导入模板…</translation>
    </message>
    <message>
        <source>Order import template…</source>
        <translation>订单导入模板…</translation>
    </message>
    <message>
        <source>Tag manager…</source>
        <translation>标签管理…</translation>
    </message>
    <message>
        <source>Staff…</source>
        <translation>员工…</translation>
    </message>
    <message>
        <source>Find duplicate customers…</source>
        <translation>查找重复客户…</translation>
    </message>
    <message>
        <source>Recycle bin…</source>
        <translation>回收站…</translation>
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
        <source>Tray reminders</source>
        <translation>系统托盘提醒</translation>
    </message>
    <message>
        <source>RFM and lifecycle thresholds…</source>
        <translation>RFM 与生命周期标准…</translation>
    </message>
    <message>
        <source>Group grade thresholds…</source>
        <translation>社群分级标准…</translation>
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
    <message>
        <source>Segments</source>
        <translation>分群</translation>
    </message>
    <message>
        <source>Weekly plan</source>
        <translation>周计划</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <source>Coupons</source>
        <translation>优惠券</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>社群</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机号</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>入群</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>退群</translation>
    </message>
</context>
<context>
    <name>ModelSettingsDialog</name>
    <message>
        <source>Segmentation settings</source>
        <translation>分群模型设置</translation>
    </message>
    <message>
        <source>Above the average score</source>
        <translation>高于平均分</translation>
    </message>
    <message>
        <source>%1 or more</source>
        <translation>不低于 %1 分</translation>
    </message>
    <message>
        <source> orders</source>
        <translation> 单</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Quintile edges</source>
        <translation>五分位分界</translation>
    </message>
    <message>
        <source>A score is high when</source>
        <translation>“高”的标准</translation>
    </message>
    <message>
        <source>Growth from</source>
        <translation>成长期起点</translation>
    </message>
    <message>
        <source>Mature from</source>
        <translation>成熟期起点</translation>
    </message>
    <message>
        <source>High value from</source>
        <translation>高价值起点</translation>
    </message>
    <message>
        <source>Dormant after</source>
        <translation>休眠期：超过</translation>
    </message>
    <message>
        <source>Churned after</source>
        <translation>流失期：超过</translation>
    </message>
</context>
<context>
    <name>NewStaffDialog</name>
    <message>
        <source>Add staff member</source>
        <translation>添加员工</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
</context>
<context>
    <name>PlanRulesDialog</name>
    <message>
        <source>Planner checks</source>
        <translation>周计划检查标准</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 个百分点</translation>
    </message>
    <message>
        <source>Group content (marketing, interaction, care, daily)</source>
        <translation>社群内容（营销、互动、关怀福利、日常）</translation>
    </message>
    <message>
        <source>Allowed off by</source>
        <translation>允许偏差</translation>
    </message>
    <message>
        <source>Judge groups from (items a week)</source>
        <translation>每周至少多少条才检查</translation>
    </message>
    <message>
        <source>Interaction at least</source>
        <translation>互动内容至少</translation>
    </message>
    <message>
        <source>Moments a day at most</source>
        <translation>朋友圈每天最多</translation>
    </message>
    <message>
        <source>Moments 1:1:1, allowed off by</source>
        <translation>朋友圈 1:1:1 允许偏差</translation>
    </message>
    <message>
        <source>Judge moments from (posts a week)</source>
        <translation>朋友圈每周至少多少条才检查</translation>
    </message>
    <message>
        <source>One-on-one pushes a customer a week at most</source>
        <translation>每位客户每周一对一推送最多</translation>
    </message>
    <message>
        <source>Defaults from the private-domain playbook: 3:3:3:1 in groups, interaction over 30 %, moments at most 3 a day at 1:1:1, at most 2 pushes a week to one customer.</source>
        <translation>默认值来自私域运营方法：社群内容 3:3:3:1，互动超过 30%；朋友圈每天最多 3 条，比例 1:1:1；每位客户每周最多推送 2 次。</translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message>
        <source>Groups</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Moments</source>
        <translation>朋友圈</translation>
    </message>
    <message>
        <source>1-on-1</source>
        <translation>一对一</translation>
    </message>
    <message>
        <source>Official account</source>
        <translation>公众号</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>营销</translation>
    </message>
    <message>
        <source>Interaction</source>
        <translation>互动</translation>
    </message>
    <message>
        <source>Care &amp; benefits</source>
        <translation>关怀福利</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>日常</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Group content off 3:3:3:1</source>
        <translation>社群内容偏离 3:3:3:1</translation>
    </message>
    <message>
        <source>Too little interaction in a group</source>
        <translation>社群互动内容太少</translation>
    </message>
    <message>
        <source>More than 3 moments in a day</source>
        <translation>一天朋友圈超过 3 条</translation>
    </message>
    <message>
        <source>Moments off 1:1:1</source>
        <translation>朋友圈偏离 1:1:1</translation>
    </message>
    <message>
        <source>A customer pushed more than twice</source>
        <translation>有客户一周被私聊推送超过 2 次</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>已错过</translation>
    </message>
</context>
<context>
    <name>PlannerView</name>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Birthdays %1</source>
        <translation>生日 %1</translation>
    </message>
    <message>
        <source>Every check passes.</source>
        <translation>全部检查通过。</translation>
    </message>
    <message>
        <source>time passed, neither done nor skipped</source>
        <translation>时间已过，既没标完成也没标跳过</translation>
    </message>
    <message>
        <source>Checks for %1 (%2)</source>
        <translation>%1 检查（%2 项提醒）</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>A card stays in its channel: drag it along its row.</source>
        <translation>内容卡片只能在本渠道内移动：请沿着这一行拖动。</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>标为已完成</translation>
    </message>
    <message>
        <source>Mark skipped</source>
        <translation>标为已跳过</translation>
    </message>
    <message>
        <source>Mark planned</source>
        <translation>标为计划中</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Copy last week</source>
        <translation>复制上周</translation>
    </message>
    <message>
        <source>Last week has no content to copy.</source>
        <translation>上周没有可复制的内容。</translation>
    </message>
    <message>
        <source>Apply an SOP template</source>
        <translation>应用 SOP 模板</translation>
    </message>
    <message>
        <source>%1 items for each chosen group, in 3:3:3:1.</source>
        <translation>每个选中的社群安排 %1 条内容，比例 3:3:3:1。</translation>
    </message>
    <message>
        <source>%1 moments posts, three a day at 1:1:1.</source>
        <translation>%1 条朋友圈，每天 3 条，比例 1:1:1。</translation>
    </message>
    <message>
        <source>One-on-one pushes from each customer&apos;s own dates (added, last order).</source>
        <translation>按每位客户自己的日期（添加日、最近下单日）安排一对一推送。</translation>
    </message>
    <message>
        <source>%1 items planned.</source>
        <translation>已安排 %1 条内容。</translation>
    </message>
    <message>
        <source>Save the week as a template</source>
        <translation>把这一周存为模板</translation>
    </message>
    <message>
        <source>Template name:</source>
        <translation>模板名称：</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>New content…</source>
        <translation>新建内容…</translation>
    </message>
    <message>
        <source>Apply a template…</source>
        <translation>应用模板…</translation>
    </message>
    <message>
        <source>Save as template…</source>
        <translation>存为模板…</translation>
    </message>
    <message>
        <source>Group plays…</source>
        <translation>玩法库…</translation>
    </message>
    <message>
        <source>Check rules…</source>
        <translation>检查标准…</translation>
    </message>
    <message>
        <source>Shop events…</source>
        <translation>店铺活动…</translation>
    </message>
</context>
<context>
    <name>RecycleBinDialog</name>
    <message>
        <source>Working…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <source>Delete %1 customer(s) for good, with their %2 order(s), tags, notes, follow-ups and group memberships?

Coupons issued to them are kept. This cannot be undone.</source>
        <translation>彻底删除 %1 位客户，以及他们的 %2 笔订单、标签、备注、跟进记录和社群成员关系？

发给他们的优惠券会保留。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <source>Empty the recycle bin? All %1 customer(s) in it are deleted for good, with their %2 order(s), tags, notes, follow-ups and group memberships.

Coupons issued to them are kept. This cannot be undone.</source>
        <translation>清空回收站？其中全部 %1 位客户将被彻底删除，连同他们的 %2 笔订单、标签、备注、跟进记录和社群成员关系。

发给他们的优惠券会保留。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Empty the recycle bin</source>
        <translation>清空回收站</translation>
    </message>
    <message>
        <source>Recycle bin</source>
        <translation>回收站</translation>
    </message>
    <message>
        <source>No deleted customer matches “%1”.</source>
        <translation>回收站中没有与“%1”匹配的客户。</translation>
    </message>
    <message>
        <source>The recycle bin is empty.

Customers you delete wait here, and you can restore them at any time.</source>
        <translation>回收站是空的。

删除的客户会先放在这里，随时可以恢复。</translation>
    </message>
    <message>
        <source>%1 of %2 shown</source>
        <translation>显示 %1 位，共 %2 位</translation>
    </message>
    <message>
        <source>%1 deleted customer(s)</source>
        <translation>共 %1 位已删除的客户</translation>
    </message>
    <message>
        <source>Deleted customers are kept here with their orders, tags and notes. Restore puts them back; Delete for good removes them and everything they had.</source>
        <translation>删除的客户连同订单、标签和备注都保存在这里。“恢复”把客户放回客户列表；“彻底删除”会删除客户及其全部数据。</translation>
    </message>
    <message>
        <source>Search name, remark, phone or WeChat ID</source>
        <translation>搜索姓名、备注名、手机号或微信号</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Delete for good…</source>
        <translation>彻底删除…</translation>
    </message>
    <message>
        <source>Empty the recycle bin…</source>
        <translation>清空回收站…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ReminderPanel</name>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Fold the panel into the status bar</source>
        <translation>收到状态栏</translation>
    </message>
    <message>
        <source>Reminders (%1)</source>
        <translation>提醒（%1）</translation>
    </message>
    <message>
        <source>Show the reminders</source>
        <translation>展开提醒</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>Reminders</name>
    <message>
        <source>Group</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Moments</source>
        <translation>朋友圈</translation>
    </message>
    <message>
        <source>1-on-1</source>
        <translation>私聊</translation>
    </message>
    <message>
        <source>Official account</source>
        <translation>公众号</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>直播</translation>
    </message>
    <message>
        <source>Birthdays today: %1</source>
        <translation>今天生日：%1 位客户</translation>
    </message>
    <message>
        <source>Follow-ups due: %1</source>
        <translation>待跟进：%1 位客户</translation>
    </message>
    <message>
        <source>Coupons expiring tomorrow: %1</source>
        <translation>明天到期的优惠券：%1 张</translation>
    </message>
    <message>
        <source>Content due within the hour: %1</source>
        <translation>一小时内要发的内容：%1 条</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>还有 %1 条</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 等另外 %2 位</translation>
    </message>
    <message>
        <source>%1 customers selected: %2</source>
        <translation>已选中 %1 位客户（%2）</translation>
    </message>
    <message>
        <source>Siyu - private-domain assistant</source>
        <translation>私域助手</translation>
    </message>
    <message>
        <source>%1 reminders: see the panel at the bottom right</source>
        <translation>%1 条提醒，请看窗口右下角</translation>
    </message>
    <message>
        <source>Open Siyu</source>
        <translation>打开私域助手</translation>
    </message>
    <message>
        <source>Check reminders now</source>
        <translation>立即检查提醒</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>SegmentEditor</name>
    <message>
        <source>Choose…</source>
        <translation>请选择…</translation>
    </message>
    <message>
        <source>and</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>删除这个条件</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>%1月</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Match all of these</source>
        <translation>满足以下全部条件</translation>
    </message>
    <message>
        <source>Match any of these</source>
        <translation>满足以下任一条件</translation>
    </message>
    <message>
        <source>Add a condition</source>
        <translation>添加条件</translation>
    </message>
    <message>
        <source>Add a group</source>
        <translation>添加条件组</translation>
    </message>
    <message>
        <source>Remove this group</source>
        <translation>删除这个条件组</translation>
    </message>
    <message>
        <source>Edit segment</source>
        <translation>编辑分群</translation>
    </message>
    <message>
        <source>New segment</source>
        <translation>新建分群</translation>
    </message>
    <message>
        <source>Name, e.g. 30 天未复购的老客</source>
        <translation>名称，例如：30 天未复购的老客</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Matches %1 customers</source>
        <translation>符合条件：%1 位客户</translation>
    </message>
</context>
<context>
    <name>Segments</name>
    <message>
        <source>Keep them special: VIP group, early access, one-to-one care.</source>
        <translation>重点维护：VIP 群、新品抢先、一对一关怀。</translation>
    </message>
    <message>
        <source>Raise their frequency: member day, bundles, a second-item coupon.</source>
        <translation>提高购买频次：会员日、组合套餐、第二件优惠券。</translation>
    </message>
    <message>
        <source>Bring them back before they drift: one-to-one care, new arrivals.</source>
        <translation>趁还没流失把人拉回来：一对一关怀、上新提醒。</translation>
    </message>
    <message>
        <source>The strongest win-back: a personal message with a high-value coupon.</source>
        <translation>全力挽回：私聊加大额优惠券。</translation>
    </message>
    <message>
        <source>Upsell: bigger baskets, better products.</source>
        <translation>提升客单：加购、升级产品。</translation>
    </message>
    <message>
        <source>A second-purchase coupon.</source>
        <translation>发复购券，促成第二单。</translation>
    </message>
    <message>
        <source>Low-cost reminders in groups and moments.</source>
        <translation>在群和朋友圈里低成本提醒。</translation>
    </message>
    <message>
        <source>Low-cost mass reach only, or let them go.</source>
        <translation>只做低成本群发触达，或放弃。</translation>
    </message>
    <message>
        <source>Introduction</source>
        <translation>引入期</translation>
    </message>
    <message>
        <source>Growth</source>
        <translation>成长期</translation>
    </message>
    <message>
        <source>Mature</source>
        <translation>成熟期</translation>
    </message>
    <message>
        <source>Dormant</source>
        <translation>休眠期</translation>
    </message>
    <message>
        <source>Churned</source>
        <translation>流失期</translation>
    </message>
    <message>
        <source>Prospect</source>
        <translation>潜在用户</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>已购老客</translation>
    </message>
    <message>
        <source>High value</source>
        <translation>高价值用户</translation>
    </message>
    <message>
        <source>Dormant or churned</source>
        <translation>休眠及流失</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>RFM class</source>
        <translation>RFM 分类</translation>
    </message>
    <message>
        <source>Lifecycle stage</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Value tier</source>
        <translation>价值分层</translation>
    </message>
    <message>
        <source>Total spent (yuan)</source>
        <translation>累计消费（元）</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Days since the last order</source>
        <translation>距上次下单天数</translation>
    </message>
    <message>
        <source>Community group</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Source channel</source>
        <translation>来源渠道</translation>
    </message>
    <message>
        <source>Owner staff</source>
        <translation>负责员工</translation>
    </message>
    <message>
        <source>Birthday month</source>
        <translation>生日月份</translation>
    </message>
    <message>
        <source>Added on</source>
        <translation>添加日期</translation>
    </message>
    <message>
        <source>has any of</source>
        <translation>包含任一</translation>
    </message>
    <message>
        <source>has all of</source>
        <translation>全部包含</translation>
    </message>
    <message>
        <source>has none of</source>
        <translation>都不包含</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>属于</translation>
    </message>
    <message>
        <source>is none of</source>
        <translation>不属于</translation>
    </message>
    <message>
        <source>at least</source>
        <translation>不少于</translation>
    </message>
    <message>
        <source>at most</source>
        <translation>不超过</translation>
    </message>
    <message>
        <source>exactly</source>
        <translation>等于</translation>
    </message>
    <message>
        <source>between</source>
        <translation>介于</translation>
    </message>
    <message>
        <source>¥%1万</source>
        <translation>¥%1万</translation>
    </message>
</context>
<context>
    <name>SegmentsView</name>
    <message>
        <source>above the average score</source>
        <translation>高于平均分</translation>
    </message>
    <message>
        <source>a score of %1 or more</source>
        <translation>不低于 %1 分</translation>
    </message>
    <message>
        <source>Introduction: no order yet, or fewer than %1. Growth: %1 to %2 orders. Mature: %3 orders or more. No order for more than %4 days: dormant; more than %5 days: churned. High value: %6 orders or more and an order in the last %4 days. R, F and M are scored 1-5 at the %7 % edges; a score counts as high when it is %8.</source>
        <translation>引入期：还没下单，或下单不到 %1 次；成长期：下过 %1–%2 单；成熟期：下过 %3 单及以上。超过 %4 天没下单为休眠期，超过 %5 天为流失期。高价值用户：下过 %6 单及以上，且 %4 天内下过单。R、F、M 按 %7 % 分位打 1–5 分，%8即为“高”。</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>As of %1: %2 customers, %3 with orders</source>
        <translation>截至 %1：共 %2 位客户，%3 位下过单</translation>
    </message>
    <message>
        <source>No customer has ordered yet: scores appear with the first orders.</source>
        <translation>还没有客户下过单：有了订单才会打分。</translation>
    </message>
    <message>
        <source>Score edges: R %1 days ago, F %2 orders, M %3. Customers with equal figures get equal scores, so a score can stay empty when many customers tie (for example one order).</source>
        <translation>打分分界：R 为 %1 天前，F 为 %2 单，M 为 %3。数值相同的客户分数相同，所以很多客户数值相同时（例如都只下过 1 单），某个分数可能没有客户。</translation>
    </message>
    <message>
        <source>Could not calculate the segments: %1</source>
        <translation>无法计算分群：%1</translation>
    </message>
    <message>
        <source>%1 (%2 customers)</source>
        <translation>%1（%2 位客户）</translation>
    </message>
    <message>
        <source>Segment %1 deleted.</source>
        <translation>已删除分群“%1”。</translation>
    </message>
    <message>
        <source>No customer is in this segment now.</source>
        <translation>这个分群目前没有客户。</translation>
    </message>
    <message>
        <source>The shop has no tags yet: add some in the tag manager.</source>
        <translation>店里还没有标签，请先在标签管理中添加。</translation>
    </message>
    <message>
        <source>Add a tag</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove a tag</source>
        <translation>移除标签</translation>
    </message>
    <message>
        <source>Tag for the %1 customers of %2:</source>
        <translation>给“%2”的 %1 位客户添加标签：</translation>
    </message>
    <message>
        <source>Tag to remove from the %1 customers of %2:</source>
        <translation>从“%2”的 %1 位客户移除标签：</translation>
    </message>
    <message>
        <source>Tag %1 added to %2 customers.</source>
        <translation>已给 %2 位客户加上标签“%1”。</translation>
    </message>
    <message>
        <source>Tag %1 removed from %2 customers.</source>
        <translation>已从 %2 位客户移除标签“%1”。</translation>
    </message>
    <message>
        <source>Segmentation settings</source>
        <translation>分群模型设置</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>截至</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>模型设置…</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <source>Recency × frequency: click a cell to see its customers</source>
        <translation>最近购买 × 购买频次（点格子查看客户）</translation>
    </message>
    <message>
        <source>R (5 = most recent)</source>
        <translation>R（5 = 最近买过）</translation>
    </message>
    <message>
        <source>F (5 = most orders)</source>
        <translation>F（5 = 买得最多）</translation>
    </message>
    <message>
        <source>%1: %2 customers, %3 spent</source>
        <translation>%1：%2 位客户，消费 %3</translation>
    </message>
    <message>
        <source>The eight RFM classes (double-click to see the customers)</source>
        <translation>RFM 八类客户（双击查看客户）</translation>
    </message>
    <message>
        <source>Lifecycle and value (click a bar to see its customers)</source>
        <translation>生命周期与价值分层（点击查看客户）</translation>
    </message>
    <message>
        <source>Lifecycle stages</source>
        <translation>生命周期</translation>
    </message>
    <message>
        <source>Value tiers</source>
        <translation>价值分层</translation>
    </message>
    <message>
        <source>Saved segments</source>
        <translation>已保存的分群</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Show customers</source>
        <translation>查看客户</translation>
    </message>
    <message>
        <source>Add a tag…</source>
        <translation>加标签…</translation>
    </message>
    <message>
        <source>Remove a tag…</source>
        <translation>去标签…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Add to a group…</source>
        <translation>加入社群…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
</context>
<context>
    <name>ShopEventsDialog</name>
    <message>
        <source>Shop events</source>
        <translation>店铺活动</translation>
    </message>
    <message>
        <source>e.g. store anniversary</source>
        <translation>例如：店庆</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the shop</source>
        <translation>登录店铺</translation>
    </message>
    <message>
        <source>The shop at %1 asks who you are.</source>
        <translation>%1 上的店铺需要你登录。</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <source>%1 added.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>改名</translation>
    </message>
    <message>
        <source>New name for %1:</source>
        <translation>%1 的新名字：</translation>
    </message>
    <message>
        <source>Renamed to %1.</source>
        <translation>已改名为 %1。</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 现在是%2。</translation>
    </message>
    <message>
        <source>Mark %1 as departed? Their customers stay theirs until you hand them over.</source>
        <translation>将 %1 标记为已离职？在交接之前，其客户仍归在其名下。</translation>
    </message>
    <message>
        <source>Mark departed</source>
        <translation>标记离职</translation>
    </message>
    <message>
        <source>%1 marked as departed.</source>
        <translation>已将 %1 标记为已离职。</translation>
    </message>
    <message>
        <source>Their sign-in %1 was removed.</source>
        <translation>其登录账号 %1 已删除。</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>交接</translation>
    </message>
    <message>
        <source>%1 still looks after customers, groups or follow-ups. Hand them over now?</source>
        <translation>%1 仍负责客户、社群或待跟进。现在交接吗？</translation>
    </message>
    <message>
        <source>%1 works here again.</source>
        <translation>%1 已恢复在职。</translation>
    </message>
    <message>
        <source>Handed over to %4: %1 customers, %2 groups and %3 open follow-ups.</source>
        <translation>已交接给 %4：%1 位客户、%2 个社群、%3 条待跟进。</translation>
    </message>
    <message>
        <source>%1 still looks after customers, groups or follow-ups: hand them over first.</source>
        <translation>%1 仍负责客户、社群或待跟进，请先交接。</translation>
    </message>
    <message>
        <source>Remove staff member</source>
        <translation>删除员工</translation>
    </message>
    <message>
        <source>Remove %1 from the staff list?</source>
        <translation>从员工名单中删除 %1？</translation>
    </message>
    <message>
        <source>%1 removed.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>The password of %1 was changed.</source>
        <translation>%1 的密码已修改。</translation>
    </message>
    <message>
        <source>%1 can now sign in as %2.</source>
        <translation>%1 现在可以用 %2 登录了。</translation>
    </message>
    <message>
        <source>Remove sign-in</source>
        <translation>删除登录账号</translation>
    </message>
    <message>
        <source>Remove the sign-in %1? %2 can no longer open the shop; their customers stay.</source>
        <translation>删除登录账号 %1？%2 将不能再打开店铺，其负责的客户保持不变。</translation>
    </message>
    <message>
        <source>The sign-in of %1 was removed.</source>
        <translation>%1 的登录账号已删除。</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Make staff</source>
        <translation>设为店员</translation>
    </message>
    <message>
        <source>Make owner</source>
        <translation>设为店主</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <source>Sign-in…</source>
        <translation>登录账号…</translation>
    </message>
    <message>
        <source>Only an owner can manage sign-ins</source>
        <translation>只有店主能管理登录账号</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>改名…</translation>
    </message>
    <message>
        <source>Reactivate</source>
        <translation>恢复在职</translation>
    </message>
    <message>
        <source>Hand over…</source>
        <translation>交接…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Hand this member&apos;s customers, groups and open follow-ups to another member</source>
        <translation>把该员工负责的客户、社群和待跟进交接给另一位员工</translation>
    </message>
    <message>
        <source>Only members who look after nothing any more can be removed</source>
        <translation>只有不再负责任何客户、社群和待跟进的员工才能删除</translation>
    </message>
    <message>
        <source>A login and password with which this member opens the shared shop</source>
        <translation>这位员工打开共享店铺用的登录名和密码</translation>
    </message>
    <message>
        <source>Show departed</source>
        <translation>显示已离职</translation>
    </message>
    <message>
        <source>Customers belong to the shop: when someone leaves, hand their customers over.</source>
        <translation>客户属于店铺：员工离职时，请把其客户交接给其他员工（离职继承）。</translation>
    </message>
</context>
<context>
    <name>StaffTableModel</name>
    <message>
        <source>Owner</source>
        <translation>店主</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>店员</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Departed</source>
        <translation>已离职</translation>
    </message>
    <message>
        <source>Departed %1</source>
        <translation>已离职 %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>负责客户</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>负责社群</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>待跟进</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>登录账号</translation>
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
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel 表格 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>%1 rows written to %2</source>
        <translation>已导出 %1 行到 %2</translation>
    </message>
    <message>
        <source>customer import template</source>
        <translation>客户导入模板</translation>
    </message>
    <message>
        <source>order import template</source>
        <translation>订单导入模板</translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>保存模板</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 表格 (*.xlsx)</translation>
    </message>
    <message>
        <source>Template saved to %1</source>
        <translation>模板已保存到 %1</translation>
    </message>
    <message>
        <source>Add to a group</source>
        <translation>加入社群</translation>
    </message>
    <message>
        <source>There is no group yet: create one on the Groups screen.</source>
        <translation>还没有社群：请先在“社群”页面新建。</translation>
    </message>
    <message>
        <source>Group for %1 customers:</source>
        <translation>%1 位客户加入哪个社群：</translation>
    </message>
    <message>
        <source>%1 customers joined %2 (%3 were members already).</source>
        <translation>%1 位客户已加入“%2”（%3 位原本就在群里）。</translation>
    </message>
</context>
<context>
    <name>TagGroupDialog</name>
    <message>
        <source>Edit tag group</source>
        <translation>编辑标签分组</translation>
    </message>
    <message>
        <source>New tag group</source>
        <translation>新建标签分组</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>S-level: each customer has at most one tag of this group</source>
        <translation>S级独占：每位客户在本组最多只有一个标签</translation>
    </message>
    <message>
        <source>e.g. Source channel</source>
        <translation>例如：来源渠道</translation>
    </message>
    <message>
        <source>Group colour</source>
        <translation>分组颜色</translation>
    </message>
</context>
<context>
    <name>TagManagerDialog</name>
    <message>
        <source>Tag group %1 created.</source>
        <translation>已新建标签分组 %1。</translation>
    </message>
    <message>
        <source>Tag group %1 saved.</source>
        <translation>已保存标签分组 %1。</translation>
    </message>
    <message>
        <source>Delete the tag group %1 and its %2 tags? %3 customers will lose these tags.</source>
        <translation>删除标签分组 %1 及其 %2 个标签？%3 位客户将失去这些标签。</translation>
    </message>
    <message>
        <source>Delete tag group</source>
        <translation>删除标签分组</translation>
    </message>
    <message>
        <source>Tag group %1 deleted; %2 tags removed from customers.</source>
        <translation>已删除标签分组 %1，从客户身上移除了 %2 个标签。</translation>
    </message>
    <message>
        <source>Create a tag group first: every tag belongs to a group.</source>
        <translation>请先新建一个标签分组：每个标签都属于一个分组。</translation>
    </message>
    <message>
        <source>New tag</source>
        <translation>新建标签</translation>
    </message>
    <message>
        <source>Name of the new tag in %1:</source>
        <translation>%1 中新标签的名称：</translation>
    </message>
    <message>
        <source>Tag %1 created.</source>
        <translation>已新建标签 %1。</translation>
    </message>
    <message>
        <source>Rename tag</source>
        <translation>重命名标签</translation>
    </message>
    <message>
        <source>New name for %1:</source>
        <translation>%1 的新名称：</translation>
    </message>
    <message>
        <source>Tag renamed to %1.</source>
        <translation>标签已重命名为 %1。</translation>
    </message>
    <message>
        <source>Move tags</source>
        <translation>移动标签</translation>
    </message>
    <message>
        <source>Move %1 to the group:</source>
        <translation>把 %1 移动到分组：</translation>
    </message>
    <message>
        <source>Moved to %1.</source>
        <translation>已移动到 %1。</translation>
    </message>
    <message>
        <source>Merge tags</source>
        <translation>合并标签</translation>
    </message>
    <message>
        <source>Keep which tag? The others are merged into it:</source>
        <translation>保留哪个标签？其余标签将合并到它：</translation>
    </message>
    <message>
        <source>Merge %1 into %2? Their customers get %2, and %1 are deleted.</source>
        <translation>把 %1 合并到 %2？这些客户都会得到 %2，%1 随后删除。</translation>
    </message>
    <message>
        <source>Merged into %1: %2 customers newly have it.</source>
        <translation>已合并到 %1：新增 %2 位客户拥有该标签。</translation>
    </message>
    <message>
        <source>Delete the tag %1? %2 customers will lose it.</source>
        <translation>删除标签 %1？%2 位客户将失去该标签。</translation>
    </message>
    <message>
        <source>Delete %1 tags? %2 tag assignments will be removed from customers.</source>
        <translation>删除 %1 个标签？将从客户身上移除 %2 个标签。</translation>
    </message>
    <message>
        <source>Delete tags</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>%1 tags deleted.</source>
        <translation>已删除 %1 个标签。</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Tag groups</source>
        <translation>标签分组</translation>
    </message>
    <message>
        <source>Tags of %1 (S-level: one per customer)</source>
        <translation>“%1”的标签（S级独占：每位客户一个）</translation>
    </message>
    <message>
        <source>Tags of %1</source>
        <translation>“%1”的标签</translation>
    </message>
    <message>
        <source>Tag manager</source>
        <translation>标签管理</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>新建分组…</translation>
    </message>
    <message>
        <source>Edit group…</source>
        <translation>编辑分组…</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>删除分组</translation>
    </message>
    <message>
        <source>New tag…</source>
        <translation>新建标签…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Move to group…</source>
        <translation>移动到分组…</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>合并…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>New tag in this group (Ctrl+N)</source>
        <translation>在本分组新建标签（Ctrl+N）</translation>
    </message>
    <message>
        <source>Rename the tag (F2 or double-click)</source>
        <translation>重命名标签（F2 或双击）</translation>
    </message>
    <message>
        <source>Delete the selected tags (Delete)</source>
        <translation>删除选中的标签（Delete）</translation>
    </message>
    <message>
        <source>Merge the selected tags into one of them</source>
        <translation>把选中的标签合并成其中一个</translation>
    </message>
    <message>
        <source>A tag nobody holds has no planned use: merge it or delete it. S-level groups give each customer one tag.</source>
        <translation>没有客户使用的标签没有实际用途，可以合并或删除。S级分组中每位客户只有一个标签。</translation>
    </message>
</context>
<context>
    <name>TagTableModel</name>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>最近使用</translation>
    </message>
    <message>
        <source>No customer has this tag: give it a planned use or delete it.</source>
        <translation>还没有客户有这个标签：请为它安排用途，或者删除它。</translation>
    </message>
    <message>
        <source>S-level, one per customer</source>
        <translation>S级独占：每位客户一个</translation>
    </message>
    <message>
        <source>Multiple</source>
        <translation>多选</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>S-level</source>
        <translation>S级独占</translation>
    </message>
</context>
<context>
    <name>Template</name>
    <message>
        <source>Customer name or WeChat nickname</source>
        <translation>客户姓名或微信昵称</translation>
    </message>
    <message>
        <source>11-digit mobile number; +86, spaces and dashes are fine</source>
        <translation>11位手机号；带 +86、空格或横线也可以</translation>
    </message>
    <message>
        <source>Member or card number from your POS</source>
        <translation>收银系统里的会员号或卡号</translation>
    </message>
    <message>
        <source>The remark name you gave them in WeChat</source>
        <translation>你在微信里给客户的备注名</translation>
    </message>
    <message>
        <source>WeChat ID</source>
        <translation>微信号</translation>
    </message>
    <message>
        <source>男, 女 or 未知</source>
        <translation>男、女或未知</translation>
    </message>
    <message>
        <source>A date: 1990-05-06, 1990/5/6 or 1990年5月6日</source>
        <translation>日期：1990-05-06、1990/5/6 或 1990年5月6日</translation>
    </message>
    <message>
        <source>公历 (solar) or 农历 (lunar); empty means solar</source>
        <translation>公历或农历；不填即公历</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Where they came from: 门店扫码, 朋友推荐, 小红书…</source>
        <translation>客户从哪里来：门店扫码、朋友推荐、小红书……</translation>
    </message>
    <message>
        <source>The day they were added to your WeChat</source>
        <translation>加为微信好友的日期</translation>
    </message>
    <message>
        <source>The staff member who looks after them (created if new)</source>
        <translation>负责这位客户的员工（不存在时自动新建）</translation>
    </message>
    <message>
        <source>粉丝, 客户, 会员 or KOC</source>
        <translation>粉丝、客户、会员或KOC</translation>
    </message>
    <message>
        <source>Tags separated by 、 or commas</source>
        <translation>多个标签用“、”或逗号分隔</translation>
    </message>
    <message>
        <source>Anything else worth remembering</source>
        <translation>其他值得记下的信息</translation>
    </message>
    <message>
        <source>Order number; re-importing the same number updates the order</source>
        <translation>订单号；再次导入同一单号会更新该订单</translation>
    </message>
    <message>
        <source>Order time: 2026-01-05 14:30 or a date</source>
        <translation>下单时间：2026-01-05 14:30 或日期</translation>
    </message>
    <message>
        <source>Amount paid in yuan: 128.50, ¥1,280 or 12元; negative for a refund</source>
        <translation>实付金额（元）：128.50、¥1,280 或 12元；退款写负数</translation>
    </message>
    <message>
        <source>Optional: the order&apos;s state; an order 已关闭, 已取消, 待付款 or 已退款 is left out</source>
        <translation>可不填：订单状态；已关闭、已取消、待付款或已退款的订单不导入</translation>
    </message>
    <message>
        <source>Optional: money given back, in yuan; taken off the amount paid</source>
        <translation>可不填：退给顾客的钱（元），从实付金额中扣除</translation>
    </message>
    <message>
        <source>Only for a file of order lines without 实付金额: how many; rows with one order number are one order</source>
        <translation>只用于没有实付金额列的商品明细文件：购买数量；订单号相同的行算作同一个订单</translation>
    </message>
    <message>
        <source>Only with 数量: the price of one, in yuan; the line&apos;s amount is 数量 × 单价</source>
        <translation>与数量一起使用：单件价格（元）；这一行的金额 = 数量 × 单价</translation>
    </message>
    <message>
        <source>门店, 小程序, 外卖…</source>
        <translation>门店、小程序、外卖……</translation>
    </message>
    <message>
        <source>The system the order came from (order numbers are unique per system)</source>
        <translation>订单来自哪个系统（同一系统内订单号唯一）</translation>
    </message>
    <message>
        <source>The group&apos;s name as in WeChat (a new name creates the group)</source>
        <translation>微信里的群名称（新群名会新建社群）</translation>
    </message>
    <message>
        <source>The day they joined the group</source>
        <translation>入群日期</translation>
    </message>
    <message>
        <source>The day they left the group, if they did</source>
        <translation>退群日期（已退群时填写）</translation>
    </message>
    <message>
        <source>Members in the group that day</source>
        <translation>当天的群成员数</translation>
    </message>
    <message>
        <source>Members who spoke that day</source>
        <translation>当天发言的成员数</translation>
    </message>
    <message>
        <source>Messages that day</source>
        <translation>当天的消息条数</translation>
    </message>
    <message>
        <source>Members who visited the shop from the group</source>
        <translation>从群里进店访问的人数</translation>
    </message>
    <message>
        <source>Members who paid</source>
        <translation>付款人数</translation>
    </message>
    <message>
        <source>Money they paid, in yuan</source>
        <translation>付款金额（元）</translation>
    </message>
    <message>
        <source>The coupon&apos;s name: coupons with one name form one campaign</source>
        <translation>券名称：同名的券归为一个活动</translation>
    </message>
    <message>
        <source>20 (yuan off) or 9折</source>
        <translation>20（减 20 元）或 9折</translation>
    </message>
    <message>
        <source>满100, or empty for none</source>
        <translation>满100；没有门槛留空</translation>
    </message>
    <message>
        <source>The coupon code, one row per code</source>
        <translation>券码，每个券码一行</translation>
    </message>
    <message>
        <source>When the customer got it</source>
        <translation>客户领取的时间</translation>
    </message>
    <message>
        <source>The first day it can be used</source>
        <translation>可以使用的第一天</translation>
    </message>
    <message>
        <source>The last day it can be used</source>
        <translation>可以使用的最后一天</translation>
    </message>
    <message>
        <source>When it was used, if it was</source>
        <translation>核销时间（已使用时填写）</translation>
    </message>
    <message>
        <source>The order it was used on</source>
        <translation>使用这张券的订单号</translation>
    </message>
    <message>
        <source>The discount it gave, in yuan</source>
        <translation>优惠金额（元）</translation>
    </message>
    <message>
        <source>Time of day: 09:30</source>
        <translation>发布时间，如 09:30</translation>
    </message>
    <message>
        <source>A short title</source>
        <translation>简短的标题</translation>
    </message>
    <message>
        <source>The text to post</source>
        <translation>要发布的文案</translation>
    </message>
    <message>
        <source>Group names, a segment or tag name, or phone numbers</source>
        <translation>群名称、分群或标签名称，或手机号</translation>
    </message>
    <message>
        <source>The day the figures are for</source>
        <translation>数据所属的日期</translation>
    </message>
    <message>
        <source>The day to post</source>
        <translation>发布日期</translation>
    </message>
    <message>
        <source>满减券, 折扣券, 无门槛券 or 赠品券</source>
        <translation>满减券、折扣券、无门槛券或赠品券</translation>
    </message>
    <message>
        <source>The holder&apos;s mobile number (a new number creates the customer)</source>
        <translation>领取人手机号（新号码会新建客户）</translation>
    </message>
    <message>
        <source>社群, 朋友圈, 一对一, 公众号 or 直播</source>
        <translation>社群、朋友圈、一对一、公众号或直播</translation>
    </message>
    <message>
        <source>Groups: 营销, 互动, 福利 or 日常; moments: 活动, 关怀 or 产品</source>
        <translation>社群：营销、互动、福利或日常；朋友圈：活动、关怀或产品</translation>
    </message>
    <message>
        <source>How to fill in</source>
        <translation>填写说明</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列名</translation>
    </message>
    <message>
        <source>What to write</source>
        <translation>填写内容</translation>
    </message>
    <message>
        <source>Other accepted names</source>
        <translation>也可以用的列名</translation>
    </message>
    <message>
        <source>Other columns</source>
        <translation>其他列</translation>
    </message>
    <message>
        <source>Kept as the customer&apos;s custom fields</source>
        <translation>作为客户的自定义字段保留</translation>
    </message>
</context>
<context>
    <name>ThresholdsDialog</name>
    <message>
        <source>Grade thresholds</source>
        <translation>分级标准</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Activity at least (%)</source>
        <translation>活跃度至少（%）</translation>
    </message>
    <message>
        <source>Conversion at least (%)</source>
        <translation>转化率至少（%）</translation>
    </message>
    <message>
        <source>A group gets the highest grade whose two minimums it meets; below D it is a dead group. The defaults are the private-domain guide&apos;s (S 30 % and 20 %).</source>
        <translation>社群取两项门槛都达到的最高等级；低于 D 级即为死群。默认值来自私域运营指南（S 级：30% 和 20%）。</translation>
    </message>
</context>
<context>
    <name>TillDialog</name>
    <message>
        <source>nobody yet</source>
        <translation>尚无领取人</translation>
    </message>
    <message>
        <source>Holder: %1</source>
        <translation>领取人：%1</translation>
    </message>
    <message>
        <source>Valid until: %1</source>
        <translation>有效至：%1</translation>
    </message>
    <message>
        <source>For orders of ¥%1 or more</source>
        <translation>订单满 ¥%1 可用</translation>
    </message>
    <message>
        <source>Already used on %1</source>
        <translation>已于 %1 核销</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Redeemed: %1 off an order of ¥%2. Next code…</source>
        <translation>核销成功：订单 ¥%2 优惠 %1。请扫下一张…</translation>
    </message>
    <message>
        <source>The redemption of %1 was undone.</source>
        <translation>%1 的核销已撤销。</translation>
    </message>
    <message>
        <source>Redeem a coupon (F9)</source>
        <translation>核销优惠券（F9）</translation>
    </message>
    <message>
        <source>Coupon code</source>
        <translation>券码</translation>
    </message>
    <message>
        <source>Order amount</source>
        <translation>订单金额</translation>
    </message>
    <message>
        <source>Order no. (optional)</source>
        <translation>订单号（可不填）</translation>
    </message>
    <message>
        <source>Type or scan, then Enter</source>
        <translation>输入或扫码后按回车</translation>
    </message>
    <message>
        <source>Redeem (Enter)</source>
        <translation>核销（回车）</translation>
    </message>
    <message>
        <source>Undo the last (Ctrl+Z)</source>
        <translation>撤销上一笔（Ctrl+Z）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>WeeklyReport</name>
    <message>
        <source>1. Key figures</source>
        <translation>一、核心指标</translation>
    </message>
    <message>
        <source>2. Twelve-week trends</source>
        <translation>二、近 12 周趋势</translation>
    </message>
    <message>
        <source>3. Groups by grade</source>
        <translation>三、社群分级</translation>
    </message>
    <message>
        <source>4. Coupon results</source>
        <translation>四、优惠券效果</translation>
    </message>
    <message>
        <source>5. Weekly plan: done, skipped, missed</source>
        <translation>五、周计划执行：完成、跳过、漏发</translation>
    </message>
    <message>
        <source>6. Next week (%1)</source>
        <translation>六、下周安排（%1）</translation>
    </message>
    <message>
        <source>7. What to do with each customer class (as of %1)</source>
        <translation>七、各类客户的建议动作（截至 %1）</translation>
    </message>
    <message>
        <source>8. High-value customers who turned dormant this week: %1</source>
        <translation>八、本周转为沉睡的高价值客户：%1 位</translation>
    </message>
    <message>
        <source>Missed:</source>
        <translation>漏发：</translation>
    </message>
    <message>
        <source>New contacts by channel: %1</source>
        <translation>新增私域联系人（按渠道）：%1</translation>
    </message>
    <message>
        <source>No coupon campaigns.</source>
        <translation>暂无优惠券活动。</translation>
    </message>
    <message>
        <source>No groups yet.</source>
        <translation>暂无社群。</translation>
    </message>
    <message>
        <source>None this week.</source>
        <translation>本周没有。</translation>
    </message>
    <message>
        <source>Nothing planned yet.</source>
        <translation>尚无安排。</translation>
    </message>
    <message>
        <source>Siyu</source>
        <translation>私域助手</translation>
    </message>
    <message>
        <source>Weekly report</source>
        <translation>周报</translation>
    </message>
    <message>
        <source>compared with %1</source>
        <translation>对比 %1</translation>
    </message>
    <message>
        <source>generated %1</source>
        <translation>生成于 %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Holiday</source>
        <translation>节假日</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>调休上班</translation>
    </message>
    <message>
        <source>Shopping festival</source>
        <translation>购物节</translation>
    </message>
    <message>
        <source>Shop event</source>
        <translation>店铺活动</translation>
    </message>
    <message>
        <source>Member day</source>
        <translation>会员日</translation>
    </message>
    <message>
        <source>Birthdays</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Returning buyers</source>
        <translation>老客</translation>
    </message>
    <message>
        <source>New buyers</source>
        <translation>新客</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Buyers</source>
        <translation>购买人数</translation>
    </message>
    <message>
        <source>buyers</source>
        <translation>人</translation>
    </message>
    <message>
        <source>GMV</source>
        <translation>成交额 GMV</translation>
    </message>
    <message>
        <source>GMV from new buyers</source>
        <translation>新客成交额</translation>
    </message>
    <message>
        <source>GMV from returning buyers</source>
        <translation>老客成交额</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>订单数</translation>
    </message>
    <message>
        <source>Per buyer (AOV)</source>
        <translation>客单价</translation>
    </message>
    <message>
        <source>Per new buyer</source>
        <translation>新客客单价</translation>
    </message>
    <message>
        <source>Per returning buyer</source>
        <translation>老客客单价</translation>
    </message>
    <message>
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>New private-domain contacts</source>
        <translation>新增私域联系人</translation>
    </message>
    <message>
        <source>Active customers (30 days)</source>
        <translation>活跃客户（30 天）</translation>
    </message>
    <message>
        <source>Coupons issued</source>
        <translation>发券数</translation>
    </message>
    <message>
        <source>Coupons redeemed</source>
        <translation>核销数</translation>
    </message>
    <message>
        <source>GMV of coupon orders</source>
        <translation>用券订单成交额</translation>
    </message>
    <message>
        <source>K (referred per referrer)</source>
        <translation>裂变系数 K（每位推荐人带来的新客）</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <source>Last week</source>
        <translation>上周</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>环比</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>周</translation>
    </message>
    <message>
        <source>New buyers&apos; GMV</source>
        <translation>新客成交额</translation>
    </message>
    <message>
        <source>Returning buyers&apos; GMV</source>
        <translation>老客成交额</translation>
    </message>
    <message>
        <source>Dead</source>
        <translation>死群</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>社群</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>活跃度</translation>
    </message>
    <message>
        <source>Conversion</source>
        <translation>转化率</translation>
    </message>
    <message>
        <source>Weakest factor</source>
        <translation>最弱因子</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已发</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>已核销</translation>
    </message>
    <message>
        <source>Redemption rate</source>
        <translation>核销率</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <source>ROI</source>
        <translation>ROI</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>漏发</translation>
    </message>
    <message>
        <source>Still to come</source>
        <translation>待执行</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>客户类别</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Revenue share</source>
        <translation>收入占比</translation>
    </message>
    <message>
        <source>Suggested action</source>
        <translation>建议动作</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Spent</source>
        <translation>累计消费</translation>
    </message>
    <message>
        <source>Last order</source>
        <translation>最近下单</translation>
    </message>
    <message>
        <source>The %1 who spent most are listed.</source>
        <translation>列出消费最多的 %1 位。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 / 共 %2 页</translation>
    </message>
    <message>
        <source>Save the weekly report</source>
        <translation>保存周报</translation>
    </message>
    <message>
        <source>weekly report.pdf</source>
        <translation>周报.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Preparing the weekly report…</source>
        <translation>正在生成周报…</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>the folder is not writable</source>
        <translation>该文件夹不可写</translation>
    </message>
    <message>
        <source>Weekly report saved: %1 pages, %2</source>
        <translation>周报已保存：%1 页，%2</translation>
    </message>
    <message>
        <source>Saved %1 (%2 pages). Open it now?</source>
        <translation>已保存 %1（%2 页）。现在打开吗？</translation>
    </message>
    <message>
        <source>Weekly report %1</source>
        <translation>周报 %1</translation>
    </message>
</context>
</TS>
